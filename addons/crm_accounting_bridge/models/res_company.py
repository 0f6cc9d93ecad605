from odoo import api, fields, models
from odoo.exceptions import ValidationError

RECEIVABLE_REMINDER_MAX_DAYS = 60


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_credit_control = fields.Selection(
        [
            ("none", "No Check"),
            ("warning", "Warn"),
            ("block", "Block"),
        ],
        string="Credit Control on Orders",
        default="warning",
        required=True,
        help="What confirming a sales order does when the customer would exceed its "
        "credit limit or has invoices overdue beyond its credit term: nothing, log a "
        "warning on the order, or refuse unless an accounting manager approved an "
        "exception.",
    )
    # Receivable reminders
    receivable_reminder_days = fields.Integer(
        string="Receivable Reminder Days in Advance",
        default=3,
        help="How many days before an invoice's due date its salesperson gets a "
        "to-do to remind the customer (0: on the due date). Also the number of "
        "days before a customer is emailed again about the same overdue invoices.",
    )
    receivable_overdue_notice = fields.Boolean(
        string="Email Overdue Invoices to Customers",
        help="Every day, email each customer the list of its overdue invoices, "
        "unless it was emailed about them recently.",
    )

    @api.constrains("receivable_reminder_days")
    def _check_receivable_reminder_days(self):
        for company in self:
            if (
                not 0
                <= company.receivable_reminder_days
                <= RECEIVABLE_REMINDER_MAX_DAYS
            ):
                raise ValidationError(
                    self.env._(
                        "The receivable reminder days in advance of %(company)s must "
                        "be between 0 and %(max)s.",
                        company=company.name,
                        max=RECEIVABLE_REMINDER_MAX_DAYS,
                    )
                )
