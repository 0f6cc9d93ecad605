from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_customer.tools import MAX_REMINDER_DAYS

MAX_WINBACK_DAYS = 365
MAX_NEGLECTED_DAYS = 365


class ResCompany(models.Model):
    _inherit = "res.company"

    quotation_expiry_reminder_days = fields.Integer(
        default=3,
        help="How many days before a sent quotation expires its salesperson is "
        "reminded.",
    )

    contract_expiry_reminder_days = fields.Integer(
        default=30,
        help="How many days before a signed contract ends its salesperson is reminded.",
    )

    winback_days = fields.Integer(
        string="Win-back Days",
        default=60,
        help="How many days before a customer's contract with a competitor ends a "
        "win-back opportunity is created.",
    )

    neglected_customer_days = fields.Integer(
        default=60,
        help="A customer nobody has interacted with for this many days is listed as "
        "neglected.",
    )
    neglected_digest_month = fields.Char(
        copy=False,
        help="Month (YYYY-MM) of the last neglected-customer digest sent to the sales "
        "managers.",
    )

    @api.constrains("neglected_customer_days")
    def _check_neglected_customer_days(self):
        for company in self:
            if not 1 <= company.neglected_customer_days <= MAX_NEGLECTED_DAYS:
                raise ValidationError(
                    self.env._(
                        "A customer can be called neglected after 1 to %(max)s days "
                        "without interaction.",
                        max=MAX_NEGLECTED_DAYS,
                    )
                )

    @api.constrains("winback_days")
    def _check_winback_days(self):
        for company in self:
            if not 0 <= company.winback_days <= MAX_WINBACK_DAYS:
                raise ValidationError(
                    self.env._(
                        "Win-back opportunities can be created 0 to %(max)s days "
                        "ahead.",
                        max=MAX_WINBACK_DAYS,
                    )
                )

    @api.constrains("quotation_expiry_reminder_days", "contract_expiry_reminder_days")
    def _check_expiry_reminder_days(self):
        for company in self:
            if not all(
                0 <= days <= MAX_REMINDER_DAYS
                for days in (
                    company.quotation_expiry_reminder_days,
                    company.contract_expiry_reminder_days,
                )
            ):
                raise ValidationError(
                    self.env._(
                        "Expiry reminders can be sent 0 to %(max)s days ahead.",
                        max=MAX_REMINDER_DAYS,
                    )
                )
