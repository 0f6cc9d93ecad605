from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_REMINDER_DAYS = 60


class ResCompany(models.Model):
    _inherit = "res.company"

    quotation_expiry_reminder_days = fields.Integer(
        default=3,
        help="How many days before a sent quotation expires its salesperson is "
        "reminded.",
    )

    @api.constrains("quotation_expiry_reminder_days")
    def _check_quotation_expiry_reminder_days(self):
        for company in self:
            if not 0 <= company.quotation_expiry_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "Expiry reminders can be sent 0 to %(max)s days ahead.",
                        max=MAX_REMINDER_DAYS,
                    )
                )
