from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_customer.tools import MAX_REMINDER_DAYS

MIN_MARGIN_FIELDS = {
    "sea_fcl": "freight_min_margin_sea_fcl",
    "sea_lcl": "freight_min_margin_sea_lcl",
    "air": "freight_min_margin_air",
    "truck": "freight_min_margin_truck",
}
# charge bases whose unit price is per kg or per W/M (a ton or a cubic metre): small
# unit prices that a lump-sum step would distort
WEIGHT_BASES = ("kg", "wm")


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_rate_expiry_reminder_days = fields.Integer(
        string="Buy Rate Expiry Reminder Days",
        default=3,
        help="How many days before an active buy rate ends its pricing owner is "
        "reminded to renew it.",
    )
    inquiry_target_hours_sea_fcl = fields.Float(
        string="Inquiry Response Target, Sea FCL (h)", default=4.0
    )
    inquiry_target_hours_sea_lcl = fields.Float(
        string="Inquiry Response Target, Sea LCL (h)", default=4.0
    )
    inquiry_target_hours_air = fields.Float(
        string="Inquiry Response Target, Air (h)", default=4.0
    )
    inquiry_target_hours_truck = fields.Float(
        string="Inquiry Response Target, Trucking (h)", default=4.0
    )

    # Minimum margin (%) of a freight quotation before a manager must approve it
    freight_min_margin_sea_fcl = fields.Float(
        string="Minimum Margin Sea FCL (%)", groups="base.group_user"
    )
    freight_min_margin_sea_lcl = fields.Float(
        string="Minimum Margin Sea LCL (%)", groups="base.group_user"
    )
    freight_min_margin_air = fields.Float(
        string="Minimum Margin Air (%)", groups="base.group_user"
    )
    freight_min_margin_truck = fields.Float(
        string="Minimum Margin Trucking (%)", groups="base.group_user"
    )
    # Sale taxes of freight services, per tax scope of their product (empty: the
    # product's own customer taxes)
    freight_international_tax_ids = fields.Many2many(
        "account.tax",
        "res_company_freight_international_tax_rel",
        "company_id",
        "tax_id",
        string="International Transport Taxes",
        domain=[("type_tax_use", "=", "sale")],
        check_company=True,
        help="Sale taxes of freight services whose product's scope is international "
        "transport (sea and air freight, their surcharges).",
    )
    freight_domestic_tax_ids = fields.Many2many(
        "account.tax",
        "res_company_freight_domestic_tax_rel",
        "company_id",
        "tax_id",
        string="Domestic Service Taxes",
        domain=[("type_tax_use", "=", "sale")],
        check_company=True,
        help="Sale taxes of freight services whose product's scope is domestic "
        "(trucking, local charges).",
    )

    # Rounding of sell unit prices, in the company currency; 0 takes the currency's
    freight_sell_rounding = fields.Float(
        string="Sell Price Rounding",
        digits=(16, 4),
        help="Sell prices per container, per shipment or per trip are rounded up to "
        "a multiple of this amount. Leave 0 for one unit of the currency (1 USD), "
        "or 1,000 for currencies without decimals such as VND.",
    )
    freight_sell_rounding_weight = fields.Float(
        string="Sell Price Rounding per Kg and W/M",
        digits=(16, 4),
        help="Sell prices per kg or per W/M are rounded up to a multiple of this "
        "amount. Leave 0 for the currency's own precision (0.01 USD, 1 VND).",
    )

    @api.constrains("freight_rate_expiry_reminder_days")
    def _check_freight_rate_expiry_reminder_days(self):
        for company in self:
            if not 0 <= company.freight_rate_expiry_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "Buy rate expiry reminders can be sent 0 to %(max)s days "
                        "ahead.",
                        max=MAX_REMINDER_DAYS,
                    )
                )

    @api.constrains(*MIN_MARGIN_FIELDS.values())
    def _check_freight_min_margins(self):
        for company in self:
            if any(not 0 <= company[name] < 100 for name in MIN_MARGIN_FIELDS.values()):
                raise ValidationError(
                    self.env._("A minimum margin is a percentage from 0 to 99.")
                )

    @api.constrains("freight_sell_rounding", "freight_sell_rounding_weight")
    def _check_freight_sell_rounding(self):
        for company in self:
            if (
                company.freight_sell_rounding < 0
                or company.freight_sell_rounding_weight < 0
            ):
                raise ValidationError(
                    self.env._("A sell price rounding cannot be negative.")
                )

    def _get_freight_sell_roundings(self, currency):
        """The steps sell unit prices in ``currency`` are rounded up to: (per
        container, shipment or trip; per kg or W/M). The company's own steps are in
        its currency; another currency takes its defaults."""
        self.ensure_one()
        lump = weight = 0.0
        if currency == self.currency_id:
            lump, weight = self.freight_sell_rounding, self.freight_sell_rounding_weight
        if not lump:
            lump = 1000 * currency.rounding if not currency.decimal_places else 1.0
        return lump, weight or currency.rounding

    def _get_freight_min_margin(self, freight_mode):
        self.ensure_one()
        return self[MIN_MARGIN_FIELDS[freight_mode]] if freight_mode else 0.0

    @api.constrains(
        "inquiry_target_hours_sea_fcl",
        "inquiry_target_hours_sea_lcl",
        "inquiry_target_hours_air",
        "inquiry_target_hours_truck",
    )
    def _check_inquiry_target_hours(self):
        for company in self:
            if (
                min(
                    company.inquiry_target_hours_sea_fcl,
                    company.inquiry_target_hours_sea_lcl,
                    company.inquiry_target_hours_air,
                    company.inquiry_target_hours_truck,
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._("Inquiry response targets must be positive.")
                )

    def _get_inquiry_response_target(self, freight_mode):
        """Working hours Pricing has to answer an inquiry of this mode."""
        self.ensure_one()
        return self[f"inquiry_target_hours_{freight_mode}"] if freight_mode else 4.0

    def _get_freight_scope_taxes(self, scope):
        """The sale taxes this company sets for freight services of this tax scope."""
        self.ensure_one()
        return self[f"freight_{scope}_tax_ids"] if scope else self.env["account.tax"]
