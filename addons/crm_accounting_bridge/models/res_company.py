import itertools

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

from odoo.addons.crm_customer.tools import MAX_REMINDER_DAYS

# Bucket keys are "b0" (not due) to "b9": at most nine limits keep them sortable.
AGING_MAX_LIMITS = 9


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_credit_control = fields.Selection(
        [
            ("none", "No Check"),
            ("warning", "Warn"),
            ("block", "Block"),
        ],
        string="Credit Control on Orders",
        groups="base.group_user",
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
    collection_escalation_days = fields.Integer(
        string="Escalate Broken Payment Promises After",
        default=7,
        help="Days after a broken payment promise (its date passed, its invoices still "
        "unpaid) its salesperson's sales manager gets a to-do; 0: never.",
    )
    # Receivable aging
    aging_bucket_limits = fields.Char(
        string="Aging Buckets (Days Overdue)",
        default="30,60,90",
        required=True,
        help="Upper limits of the aging buckets in days overdue, separated by commas: "
        "30,60,90 gives Not Due, 1-30, 31-60, 61-90 and Over 90.",
    )
    aging_report_user_ids = fields.Many2many(
        "res.users",
        "res_company_aging_report_user_rel",
        "company_id",
        "user_id",
        string="Aging Report Recipients",
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref("account.group_account_invoice").ids),
        ],
        help="Accountants emailed the receivable aging (Excel) at the start of every "
        "month.",
    )
    aging_report_sent_date = fields.Date(
        readonly=True,
        help="Last day the aging report was emailed: it is sent once a month.",
    )

    @api.constrains("aging_bucket_limits")
    def _check_aging_bucket_limits(self):
        for company in self:
            company._get_aging_bucket_limits()

    @api.constrains("collection_escalation_days")
    def _check_collection_escalation_days(self):
        for company in self:
            if not 0 <= company.collection_escalation_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "Broken payment promises are escalated after 0 to %(max)s "
                        "days.",
                        max=MAX_REMINDER_DAYS,
                    )
                )

    @api.constrains("receivable_reminder_days")
    def _check_receivable_reminder_days(self):
        for company in self:
            if not 0 <= company.receivable_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "The receivable reminder days in advance of %(company)s must "
                        "be between 0 and %(max)s.",
                        company=company.name,
                        max=MAX_REMINDER_DAYS,
                    )
                )

    def _get_aging_bucket_limits(self):
        """The bucket limits as a list of days, e.g. [30, 60, 90]; a translated
        error when they are not positive whole numbers in increasing order."""
        self.ensure_one()
        error = ValidationError(
            self.env._(
                "The aging buckets of %(company)s must be at most %(max)s whole "
                "numbers of days, positive, in increasing order and separated by "
                "commas (e.g. 30,60,90), not %(limits)s.",
                company=self.name,
                max=AGING_MAX_LIMITS,
                limits=self.aging_bucket_limits,
            )
        )
        try:
            limits = [int(part) for part in (self.aging_bucket_limits or "").split(",")]
        except ValueError:
            raise error from None
        if (
            not 0 < len(limits) <= AGING_MAX_LIMITS
            or limits[0] <= 0
            or any(low >= high for low, high in itertools.pairwise(limits))
        ):
            raise error
        return limits

    # ------------------------------------------------------------
    # Monthly aging report
    # ------------------------------------------------------------

    @api.model
    def _cron_send_aging_report(self):
        """Monthly: email each company's aging (xlsx) to its chosen accountants, once
        per month whatever the number of runs."""
        companies = self.search([("aging_report_user_ids", "!=", False)])
        for company in companies:
            # the month where the company works, not in OdooBot's time zone
            today = company._crm_today()
            if (
                company.aging_report_sent_date
                and company.aging_report_sent_date >= today.replace(day=1)
            ):
                continue
            company._send_aging_report(today)
            company.aging_report_sent_date = today

    def _send_aging_report(self, today):
        """The company's aging on ``today``, to each recipient in their language."""
        self.ensure_one()
        # Recipients who lost their accounting rights since are no longer sent it.
        recipients = self.aging_report_user_ids.filtered(
            lambda user: (
                user.active
                and user.email
                and user.has_group("account.group_account_invoice")
            )
        )

        def prepare_mail(export):
            env = export.env
            title = env._(
                "Receivable Aging %(company)s %(date)s",
                company=self.name,
                date=fields.Date.to_string(today),
            )
            return f"{title}.xlsx", {
                "subject": title,
                "body_html": Markup("<p>%s</p>")
                % env._(
                    "The receivable aging of %(company)s as of %(date)s is attached.",
                    company=self.name,
                    date=format_date(env, today),
                ),
                "email_from": self.email_formatted or self.env.user.email_formatted,
                "model": "res.company",
                "res_id": self.id,
            }

        return (
            self.env["crm.receivable.aging.wizard"]
            .with_company(self)
            ._mail_xlsx(
                recipients, {"company_id": self.id, "date": today}, prepare_mail
            )
        )
