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
    warranty_end_date = fields.Date(related="goods_id.warranty_end_date")
    goods_contract_id = fields.Many2one(
        related="goods_id.contract_id", string="Goods' Contract"
    )
    goods_coverage = fields.Selection(
        [
            ("warranty", "Under Warranty"),
            ("contract", "Under Contract"),
            ("none", "Not Covered"),
        ],
        compute="_compute_goods_coverage",
        store=True,
        help="Whether the goods were under warranty, or under a running service "
        "contract, the day the case was opened.",
    )

    @api.depends("goods_id")
    def _compute_product_id(self):
        for ticket in self:
            if ticket.goods_id:
                ticket.product_id = ticket.goods_id.product_id

    @api.depends(
        "goods_id.warranty_end_date",
        "goods_id.contract_id.date_start",
        "goods_id.contract_id.date_end",
        "opened_date",
        "company_id",
    )
    def _compute_goods_coverage(self):
        for ticket in self:
            goods = ticket.goods_id
            if not goods:
                ticket.goods_coverage = False
                continue
            date = ticket._get_goods_coverage_date()
            if goods._is_under_warranty(date):
                ticket.goods_coverage = "warranty"
            elif goods.contract_id and goods.contract_id._is_running_on(date):
                ticket.goods_coverage = "contract"
            else:
                ticket.goods_coverage = "none"

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

    def _get_goods_coverage_date(self):
        """The day the case was opened where the company works."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return fields.Date.context_today(
            self.with_context(tz=company._crm_tz()),
            timestamp=self.opened_date or fields.Datetime.now(),
        )
