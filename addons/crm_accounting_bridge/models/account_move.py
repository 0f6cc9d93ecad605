from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.tools import SQL, format_amount, format_date


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "crm.deadline.reminder.mixin"]
    # the salesperson is reminded of a customer invoice's due date
    _deadline_reminder_date_field = "invoice_date_due"
    _deadline_reminder_days_field = "receivable_reminder_days"

    # the customer figures (revenue, days to pay) select a customer's invoices by it
    commercial_partner_id = fields.Many2one(index=True)
    overdue_notice_date = fields.Date(
        copy=False,
        readonly=True,
        help="Last day the customer was emailed a list of overdue invoices including "
        "this one.",
    )
    # To Collect: read for a page of invoices at once, never stored
    crm_promised_date = fields.Date(
        string="Promised Date",
        compute="_compute_crm_collection",
        help="The date the customer promised on the latest collection call, while "
        "the promise is open.",
    )
    crm_days_overdue = fields.Integer(
        string="Days Overdue",
        compute="_compute_crm_collection",
    )
    crm_last_reminder_date = fields.Date(
        string="Last Reminder",
        compute="_compute_crm_collection",
        help="The last collection call about this invoice, or the last overdue notice "
        "e-mailed to the customer with it, whichever is later.",
    )

    # ------------------------------------------------------------
    # COLLECTION
    # ------------------------------------------------------------

    @api.depends("invoice_date_due", "payment_state", "overdue_notice_date")
    @api.depends_context("company")
    def _compute_crm_collection(self):
        moves = self.filtered("id")
        (self - moves).update(
            {
                "crm_promised_date": False,
                "crm_days_overdue": 0,
                "crm_last_reminder_date": False,
            }
        )
        if not moves:
            return
        self.env["crm.payment.promise"].flush_model(
            ["date", "invoice_ids", "promised_date", "state"]
        )
        moves.flush_recordset(["overdue_notice_date"])
        # the promises on invoices the user reads, whoever logged them: only their
        # dates come out, and only for these invoices
        self.env.cr.execute(
            SQL(
                """
                SELECT move.id, promise.promised_date,
                       GREATEST(move.overdue_notice_date, call.date)
                  FROM account_move move
                  LEFT JOIN (%(promises)s) promise ON promise.move_id = move.id
                  LEFT JOIN LATERAL (
                       SELECT MAX(called.date) AS date
                         FROM crm_payment_promise_invoice_rel rel
                         JOIN crm_payment_promise called
                           ON called.id = rel.promise_id
                        WHERE rel.move_id = move.id
                       ) call ON TRUE
                 WHERE move.id IN %(ids)s
                """,
                promises=self.env[
                    "crm.payment.promise"
                ]._get_open_promise_dates_query(),
                ids=tuple(moves.ids),
            )
        )
        dates = {
            move_id: (promised, reminded)
            for move_id, promised, reminded in self.env.cr.fetchall()
        }
        todays = {}
        for move in moves:
            promised, reminded = dates.get(move.id, (False, False))
            company = move.company_id
            today = todays.get(company) or todays.setdefault(
                company, company._crm_today()
            )
            due = move.invoice_date_due
            is_open = move.payment_state in ("not_paid", "partial")
            move.crm_promised_date = promised
            move.crm_last_reminder_date = reminded
            move.crm_days_overdue = (
                (today - due).days if is_open and due and due < today else 0
            )

    def action_crm_log_collection_call(self):
        """The customer's *Log Collection Call*, for this invoice."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_accounting_bridge.crm_payment_promise_action_log_call"
        )
        action["context"] = {
            "default_partner_id": self.commercial_partner_id.id,
            "default_invoice_ids": [Command.set(self.ids)],
        }
        return action

    # ------------------------------------------------------------
    # RECEIVABLE REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_receivable_reminders(self):
        """Daily: remind salespeople of invoices due soon, and email customers their
        overdue invoices where the company asks for it."""
        self._cron_remind_deadlines()
        # Only the companies with something left to collect.
        groups = self._read_group(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "not in", ("paid", "in_payment", "reversed")),
            ],
            ["company_id"],
        )
        for (company,) in groups:
            if company.receivable_overdue_notice:
                self.with_company(company)._send_overdue_notices(company)

    @api.model
    def _get_open_receivable_domain(self, company):
        """Posted customer invoices of ``company`` with something left to pay."""
        return [("company_id", "=", company.id), *self._get_deadline_reminder_domain()]

    @api.model
    def _get_deadline_reminder_domain(self):
        """Posted customer invoices with something left to pay."""
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "not in", ("paid", "in_payment", "reversed")),
            ("amount_residual", ">", 0),
            ("invoice_date_due", "!=", False),
        ]

    def _get_deadline_reminder_user(self):
        """The invoice's salesperson, else the customer's; none when inactive."""
        self.ensure_one()
        user = self.invoice_user_id or self.partner_id.user_id
        user = user or self.commercial_partner_id.user_id
        return user if user.active else self.env["res.users"]

    def _get_deadline_reminder_summary(self):
        return self.env._("Payment due soon")

    def _get_deadline_reminder_note(self, user):
        return self.env._(
            "%(amount)s left to pay on %(date)s: remind the customer.",
            amount=format_amount(self.env, self.amount_residual, self.currency_id),
            date=format_date(self.env, self.invoice_date_due),
        )

    @api.model
    def _send_overdue_notices(self, company):
        today = company._crm_today()
        # N days between two emails about the same invoices, at least one.
        resend_before = fields.Date.subtract(
            today, days=max(company.receivable_reminder_days, 1)
        )
        invoices = self.search(
            self._get_open_receivable_domain(company)
            + [("invoice_date_due", "<", today)],
            order="invoice_date_due, name",
        )
        invoices_by_customer = defaultdict(lambda: self.browse())
        for invoice in invoices:
            invoices_by_customer[invoice.commercial_partner_id] |= invoice
        template = self.env.ref(
            "crm_accounting_bridge.mail_template_overdue_notice",
            raise_if_not_found=False,
        )
        if not template:
            return
        for customer, customer_invoices in invoices_by_customer.items():
            if not customer.email or all(
                invoice.overdue_notice_date
                and invoice.overdue_notice_date > resend_before
                for invoice in customer_invoices
            ):
                continue
            template.with_context(overdue_invoices=customer_invoices).send_mail(
                customer.id, email_layout_xmlid="mail.mail_notification_light"
            )
            customer_invoices.overdue_notice_date = today
