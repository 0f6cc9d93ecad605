import json

from odoo import api, fields, models
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

from .freight_charge_type import CHARGE_BASIS

COST_GROUP = "crm_freight_pricing.group_freight_cost"
# changing these after a manager approved the quotation withdraws the approval
APPROVED_FIELDS = {
    "price_unit",
    "discount",
    "product_uom_qty",
    "purchase_price",
    "product_id",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    freight_rate_id = fields.Many2one(
        "freight.rate",
        string="Buy Rate",
        index="btree_not_null",
        check_company=True,
        ondelete="restrict",
        help="The carrier's rate this line was priced from.",
    )
    freight_charge_type_id = fields.Many2one("freight.charge.type", string="Charge")
    freight_charge_basis = fields.Selection(
        CHARGE_BASIS,
        string="Charge Basis",
        help="What the quantity counts: containers, kg, W/M, trips... as the charge "
        "was priced.",
    )
    freight_priced_at = fields.Datetime(
        readonly=True, copy=False, help="When the line was priced from its buy rate."
    )
    freight_floor_price = fields.Float(
        string="Sell Floor",
        groups="base.group_user",
        digits="Product Price",
        readonly=True,
        help="Pricing's lowest unit price for this charge when it was priced from a "
        "rate: selling under it needs a sales manager's approval.",
    )
    purchase_price = fields.Float(groups=COST_GROUP)
    margin = fields.Float(groups=COST_GROUP)
    margin_percent = fields.Float(groups=COST_GROUP)

    def write(self, vals):
        result = super().write(vals)
        if APPROVED_FIELDS & vals.keys():
            self.order_id.filtered("freight_approved_at").write(
                {"freight_approved_by_id": False, "freight_approved_at": False}
            )
        return result

    @api.depends("product_id", "company_id")
    def _compute_tax_id(self):  # pylint: disable=missing-return
        super()._compute_tax_id()
        for line in self.filtered(lambda l: l.product_type != "combo"):
            taxes = line.company_id._get_freight_scope_taxes(
                line.product_id.freight_tax_scope
            )
            if taxes:
                line.tax_id = line.order_id.fiscal_position_id.map_tax(taxes)

    def _freight_under_floor(self):
        """The line sells under the floor it was priced from."""
        self.ensure_one()
        if not self.freight_floor_price or self.display_type:
            return False
        net_price = self.price_unit * (1 - (self.discount or 0.0) / 100)
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return float_compare(net_price, self.freight_floor_price, digits) < 0

    def _freight_quantity_label(self):
        """The quantity as the customer counts it on the printed quotation ("2
        containers", "120.5 kg"), or False to print Odoo's quantity and unit."""
        self.ensure_one()
        basis = self.freight_charge_basis or self.freight_charge_type_id.basis
        quantity = self.product_uom_qty
        if basis not in ("container", "kg", "wm", "trip") or self.display_type:
            return False
        if quantity.is_integer():
            text = formatLang(self.env, quantity, digits=0)
        else:
            point = self.env["res.lang"]._get_data(code=self.env.lang).decimal_point
            text = formatLang(self.env, quantity, digits=3).rstrip("0").rstrip(point)
        if basis == "container":
            if quantity == 1:
                return self.env._("%(quantity)s container", quantity=text)
            return self.env._("%(quantity)s containers", quantity=text)
        if basis == "trip":
            if quantity == 1:
                return self.env._("%(quantity)s trip", quantity=text)
            return self.env._("%(quantity)s trips", quantity=text)
        if basis == "kg":
            return self.env._("%(quantity)s kg", quantity=text)
        return self.env._("%(quantity)s W/M", quantity=text)

    def _freight_rate_changed(self):
        """The line's buy rate expired, or was edited after the line was priced."""
        self.ensure_one()
        priced_at = self.freight_priced_at or self.create_date
        return self.freight_rate_id._changed_since() > priced_at

    @api.depends("order_id.partner_id", "product_id")
    def _compute_analytic_distribution(self):  # pylint: disable=missing-return
        # Odoo looks the distribution models up once per line; a freight quotation
        # adds many charge lines of a few products, so look up once per set of lines
        # that would get the same answer, and give it to the others.
        same_answer = {}
        for line in self:
            key = (
                line.order_id,
                line.product_id,
                line.company_id,
                line.display_type,
                json.dumps(line.analytic_distribution, sort_keys=True),
            )
            same_answer.setdefault(key, []).append(line.id)
        for line_ids in same_answer.values():
            lines = self.browse(line_ids)
            super(SaleOrderLine, lines[0])._compute_analytic_distribution()
            lines[1:].analytic_distribution = lines[0].analytic_distribution
