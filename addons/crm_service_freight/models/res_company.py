from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_customer.tools import MAX_REMINDER_DAYS


class ResCompany(models.Model):
    _inherit = "res.company"

    # cargo claims: the limits of the conventions and contracts the company works
    # under are data the company enters, not law written in code
    claim_notice_days = fields.Integer(
        default=3,
        help="Within how many days of the incident the carrier must be notified of "
        "a claim.",
    )
    claim_time_bar_months = fields.Integer(
        string="Claim Time Bar (Months)",
        default=12,
        help="How many months after the delivery of the cargo (or the day it should "
        "have been delivered; else the incident) a claim against the carrier is "
        "time-barred.",
    )
    claim_reminder_days = fields.Integer(
        string="Claim Deadline Reminder Days",
        default=2,
        help="How many days before a claim's next deadline its agent is reminded.",
    )
    claim_liability_per_kg = fields.Float(
        string="Carrier Liability per kg",
        digits=(16, 2),
        help="The carrier's liability limit per kilogram of cargo under the "
        "convention or contract that usually applies; 0 shows no limit.",
    )
    claim_liability_currency_id = fields.Many2one(
        "res.currency",
        string="Liability Limit Currency",
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )

    @api.constrains(
        "claim_notice_days",
        "claim_time_bar_months",
        "claim_reminder_days",
        "claim_liability_per_kg",
    )
    def _check_claim_settings(self):
        for company in self:
            if (
                company.claim_notice_days < 0
                or company.claim_time_bar_months < 0
                or company.claim_liability_per_kg < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Claim notice days, time bar and liability limit cannot be "
                        "negative."
                    )
                )
            if not 0 <= company.claim_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "Claim deadline reminders can be sent 0 to %(max)s days ahead.",
                        max=MAX_REMINDER_DAYS,
                    )
                )
