from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Odoo's own precisions the suite's documents use: unit prices, quantities, discounts
# (amounts are Monetary and follow the currency's rounding).
CRM_DECIMAL_PRECISIONS = {
    "crm_price_digits": "product.decimal_price",
    "crm_quantity_digits": "product.decimal_product_uom",
    "crm_discount_digits": "product.decimal_discount",
}

# more decimals than a float holds reliably mean nothing
MAX_DECIMAL_DIGITS = 6


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_birthday_reminder_days = fields.Integer(
        related="company_id.crm_birthday_reminder_days", readonly=False
    )
    crm_share_interactions = fields.Boolean(
        related="company_id.crm_share_interactions", readonly=False
    )
    crm_admin_email = fields.Char(related="company_id.crm_admin_email", readonly=False)

    # Decimal places: Odoo's decimal.precision records, shared by all companies
    crm_price_digits = fields.Integer(
        string="Unit Price Decimal Places",
        compute="_compute_crm_decimal_digits",
        inverse="_inverse_crm_decimal_digits",
        readonly=False,
        groups="base.group_system",
    )
    crm_quantity_digits = fields.Integer(
        string="Quantity Decimal Places",
        compute="_compute_crm_decimal_digits",
        inverse="_inverse_crm_decimal_digits",
        readonly=False,
        groups="base.group_system",
    )
    crm_discount_digits = fields.Integer(
        string="Discount Decimal Places",
        compute="_compute_crm_decimal_digits",
        inverse="_inverse_crm_decimal_digits",
        readonly=False,
        groups="base.group_system",
    )
    # Amounts are Monetary: they round to the company currency's decimal places
    crm_currency_id = fields.Many2one(
        related="company_id.currency_id",
        string="Amount Currency",
        help="Amounts of quotations, orders and contracts are in this currency and "
        "round to its decimal places.",
    )
    crm_currency_decimal_places = fields.Integer(
        related="company_id.currency_id.decimal_places",
        string="Amount Decimal Places",
        help="Amounts of quotations, orders and contracts are in this currency and "
        "round to its decimal places.",
    )

    @api.depends("company_id")
    def _compute_crm_decimal_digits(self):
        precisions = {
            name: self.env.ref(xmlid, raise_if_not_found=False)
            for name, xmlid in CRM_DECIMAL_PRECISIONS.items()
        }
        for settings in self:
            for name, precision in precisions.items():
                settings[name] = precision.digits if precision else 0

    def _inverse_crm_decimal_digits(self):
        for settings in self:
            for name, xmlid in CRM_DECIMAL_PRECISIONS.items():
                if not 0 <= settings[name] <= MAX_DECIMAL_DIGITS:
                    raise ValidationError(
                        self.env._(
                            "Decimal places go from 0 to %(max)s.",
                            max=MAX_DECIMAL_DIGITS,
                        )
                    )
                precision = self.env.ref(xmlid, raise_if_not_found=False)
                if precision and precision.digits != settings[name]:
                    precision.digits = settings[name]
