from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServiceGoods(models.Model):
    _name = "crm.service.goods"
    _description = "Customer Goods"
    _order = "delivery_date desc, id desc"
    _rec_names_search = ["product_id", "lot_id"]
    _check_company_auto = True

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
        help="The company that owns the goods (the delivery's commercial partner).",
    )
    # what was delivered
    product_id = fields.Many2one(
        "product.product", required=True, index=True, check_company=True
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot / Serial Number",
        index="btree_not_null",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    product_uom_id = fields.Many2one(related="product_id.uom_id")
    delivery_date = fields.Date(required=True, default=fields.Date.context_today)
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    move_line_id = fields.Many2one(
        "stock.move.line", readonly=True, copy=False, check_company=True
    )
    origin = fields.Char(
        related="picking_id.origin", string="Source Document", readonly=True
    )
    # warranty and contract
    warranty_end_date = fields.Date(
        compute="_compute_warranty_end_date",
        store=True,
        readonly=False,
        precompute=True,
        help="Delivery date plus the product's warranty (months); can be changed "
        "for these goods.",
    )
    contract_id = fields.Many2one(
        "crm.service.contract",
        string="Service Contract",
        compute="_compute_contract_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id)]",
        help="The customer's service contract covering these goods: by default "
        "the latest one naming the product among its covered products.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "move_line_uniq",
            "UNIQUE(move_line_id)",
            "A delivered line is already in the customer's goods.",
        ),
    ]

    @api.depends("lot_id", "product_id")
    def _compute_display_name(self):
        for goods in self:
            goods.display_name = (
                f"{goods.product_id.display_name} ({goods.lot_id.name})"
                if goods.lot_id
                else goods.product_id.display_name
            )

    @api.depends("delivery_date", "product_id.warranty_months")
    def _compute_warranty_end_date(self):
        for goods in self:
            months = goods.product_id.warranty_months
            goods.warranty_end_date = (
                goods.delivery_date + relativedelta(months=months)
                if goods.delivery_date and months
                else False
            )

    @api.depends("partner_id", "product_id", "company_id")
    def _compute_contract_id(self):
        Contract = self.env["crm.service.contract"]
        for goods in self:
            if not goods.partner_id or not goods.product_id:
                goods.contract_id = False
                continue
            goods.contract_id = Contract.search(
                [
                    ("partner_id", "child_of", goods.partner_id.id),
                    ("company_id", "=", goods.company_id.id),
                    ("product_ids", "in", goods.product_id.ids),
                ],
                order="date_end desc, id desc",
                limit=1,
            )

    @api.constrains("delivery_date", "warranty_end_date")
    def _check_warranty_end_date(self):
        for goods in self:
            if (
                goods.warranty_end_date
                and goods.warranty_end_date < goods.delivery_date
            ):
                raise ValidationError(
                    self.env._(
                        "The warranty of %(goods)s cannot end before its delivery "
                        "(%(date)s).",
                        goods=goods.display_name,
                        date=goods.delivery_date,
                    )
                )

    @api.constrains("partner_id", "contract_id")
    def _check_contract_customer(self):
        for goods in self:
            contract_customer = goods.contract_id.partner_id.commercial_partner_id
            if goods.contract_id and contract_customer != goods.partner_id:
                raise ValidationError(
                    self.env._(
                        "The service contract %(contract)s is %(customer)s's: it "
                        "cannot cover goods of %(owner)s.",
                        contract=goods.contract_id.display_name,
                        customer=contract_customer.display_name,
                        owner=goods.partner_id.display_name,
                    )
                )

    @api.constrains("product_id", "lot_id")
    def _check_lot_product(self):
        for goods in self:
            if goods.lot_id and goods.lot_id.product_id != goods.product_id:
                raise ValidationError(
                    self.env._(
                        "The lot %(lot)s is of %(lot_product)s, not of %(product)s.",
                        lot=goods.lot_id.name,
                        lot_product=goods.lot_id.product_id.display_name,
                        product=goods.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        for vals in vals_list:
            # goods belong to the company, whichever contact took the delivery
            if vals.get("partner_id"):
                vals["partner_id"] = Partner.browse(
                    vals["partner_id"]
                ).commercial_partner_id.id
        return super().create(vals_list)

    def _is_under_warranty(self, date):
        self.ensure_one()
        return bool(self.warranty_end_date and date <= self.warranty_end_date)

    @api.model
    def _prepare_values_from_move_line(self, move_line):
        picking = move_line.move_id.picking_id
        partner = picking.partner_id or move_line.move_id.partner_id
        return {
            "company_id": move_line.company_id.id,
            "partner_id": partner.commercial_partner_id.id,
            "product_id": move_line.product_id.id,
            "lot_id": move_line.lot_id.id,
            "quantity": move_line.quantity,
            "delivery_date": fields.Date.context_today(
                self, timestamp=move_line.date or fields.Datetime.now()
            ),
            "picking_id": picking.id,
            "move_line_id": move_line.id,
        }
