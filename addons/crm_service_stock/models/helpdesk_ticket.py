from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    goods_id = fields.Many2one(
        "crm.service.goods",
        string="Customer Goods",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', '=', commercial_partner_id)]",
        help="The product or serial number of the customer's goods the case is about.",
    )
    lot_id = fields.Many2one(
        related="goods_id.lot_id", store=True, index="btree_not_null"
    )
    # the goods' product, still editable for a case about another product
    product_id = fields.Many2one(
        compute="_compute_product_id", store=True, readonly=False, precompute=True
    )
    # the goods' serial number, still editable for a case without goods
    lot_serial = fields.Char(
        compute="_compute_lot_serial", store=True, readonly=False, precompute=True
    )
    warranty_end_date = fields.Date(related="goods_id.warranty_end_date")
    goods_contract_id = fields.Many2one(
        related="goods_id.contract_id", string="Goods' Contract"
    )

    @api.depends("goods_id")
    def _compute_product_id(self):
        for ticket in self:
            if ticket.goods_id:
                ticket.product_id = ticket.goods_id.product_id

    @api.depends("goods_id.lot_id")
    def _compute_lot_serial(self):
        for ticket in self:
            if ticket.goods_id.lot_id:
                ticket.lot_serial = ticket.goods_id.lot_id.name

    # crm_service's coverage computes, with the goods' warranty and contract
    @api.depends(
        "goods_id.warranty_end_date",
        "goods_id.contract_id.date_start",
        "goods_id.contract_id.date_end",
    )
    def _compute_contract_id(self):
        return super()._compute_contract_id()

    @api.depends("goods_id.warranty_end_date")
    def _compute_contract_coverage(self):
        return super()._compute_contract_coverage()

    @api.constrains("goods_id", "partner_id")
    def _check_goods_customer(self):
        for ticket in self:
            owner = ticket.goods_id.partner_id
            if ticket.goods_id and owner != ticket.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The goods %(goods)s belong to %(owner)s, not to the "
                        "customer of the case %(case)s (%(customer)s).",
                        goods=ticket.goods_id.display_name,
                        owner=owner.display_name,
                        case=ticket.name,
                        customer=ticket.commercial_partner_id.display_name
                        or self.env._("no customer"),
                    )
                )

    def _get_covering_contract(self):
        """Goods under warranty use no contract; else the goods' own contract
        while it runs, else the customer's contract whose scope includes the case."""
        if self._is_under_warranty():
            return self.env["crm.service.contract"]
        contract = self.goods_id.contract_id
        if contract and contract._is_running_on(self._get_coverage_date()):
            return contract
        return super()._get_covering_contract()

    def _is_under_warranty(self):
        return bool(self.goods_id) and self.goods_id._is_under_warranty(
            self._get_coverage_date()
        )
