from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_amount, format_date


class CrmPaymentPromise(models.Model):
    """What a customer promised to pay, and when, on a collection call ("hứa trả ngày
    15"): the call is logged as an interaction of the customer; the promise is kept
    once its invoices are paid and broken when its date passes first, which gives the
    salesperson a to-do."""

    _name = "crm.payment.promise"
    _description = "Payment Promise"
    _inherit = ["crm.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "promised_date, id"
    _rec_name = "partner_id"

    date = fields.Date(string="Call Date")
    user_id = fields.Many2one(string="Salesperson", tracking=True)
    promised_date = fields.Date(
        string="Promised Payment Date", required=True, index=True, tracking=True
    )
    invoice_ids = fields.Many2many(
        "account.move",
        relation="crm_payment_promise_invoice_rel",
        column1="promise_id",
        column2="move_id",
        string="Invoices",
        check_company=True,
        domain="[('commercial_partner_id', '=', partner_id),"
        " ('move_type', '=', 'out_invoice'), ('state', '=', 'posted'),"
        " ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Promised Amount",
        currency_field="currency_id",
        compute="_compute_amount",
        store=True,
        readonly=False,
        help="Left to pay on the invoices, in the company currency, unless the "
        "customer promised only part of it.",
    )
    state = fields.Selection(
        [("open", "Promised"), ("kept", "Paid"), ("broken", "Broken")],
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )
    interaction_id = fields.Many2one(
        "crm.customer.interaction",
        string="Collection Call",
        readonly=True,
        copy=False,
        check_company=True,
    )
    broken_activity_id = fields.Many2one("mail.activity", readonly=True, copy=False)
    escalated = fields.Boolean(readonly=True, copy=False)

    @api.depends("promised_date", "invoice_ids.payment_state")
    def _compute_state(self):
        for promise in self:
            today = promise.company_id._crm_today()
            paid = promise.invoice_ids and all(
                state in ("paid", "in_payment", "reversed")
                for state in promise.invoice_ids.mapped("payment_state")
            )
            if paid:
                promise.state = "kept"
            elif promise.promised_date and promise.promised_date < today:
                promise.state = "broken"
            else:
                promise.state = "open"

    @api.constrains("promised_date")
    def _check_promised_date(self):
        for promise in self:
            if promise.promised_date < promise.company_id._crm_today():
                raise ValidationError(
                    self.env._(
                        "The payment date promised by %(customer)s cannot be in the "
                        "past.",
                        customer=promise.partner_id.display_name,
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        if any(promise.amount < 0 for promise in self):
            raise ValidationError(self.env._("A promised amount cannot be negative."))

    @api.depends("invoice_ids")
    def _compute_amount(self):
        # what is left to pay when the invoices are chosen, not as they get paid
        for promise in self:
            promise.amount = sum(promise.invoice_ids.mapped("amount_residual_signed"))

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        partner = self.env["res.partner"].browse(defaults.get("partner_id"))
        if partner and "invoice_ids" in fields_list and not defaults.get("invoice_ids"):
            invoices = self.env["account.move"].search(
                [
                    ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                    ("company_id", "=", self.env.company.id),
                    *self.env["account.move"]._get_deadline_reminder_domain(),
                ]
            )
            defaults["invoice_ids"] = [Command.set(invoices.ids)]
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        promises = super().create(vals_list)
        for promise in promises.filtered(lambda p: not p.interaction_id):
            promise.interaction_id = self.env["crm.customer.interaction"].create(
                promise._prepare_interaction_values()
            )
        return promises

    def _prepare_interaction_values(self):
        self.ensure_one()
        return {
            "name": self.env._(
                "Collection call: %(amount)s promised for %(date)s",
                amount=format_amount(self.env, self.amount, self.currency_id),
                date=format_date(self.env, self.promised_date),
            ),
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            "company_id": self.company_id.id,
            "type_id": self.env.ref("crm_customer.interaction_type_call").id,
            "state": "done",
            "result": self.note,
        }

    @api.model
    def _get_open_promise_dates_query(self):
        """(move_id, promised_date): per invoice with an open promise, the
        promise of the latest call, the one the customer last gave. The collection
        report and the invoices' *Promised Date* both read it."""
        return SQL(
            """
            SELECT DISTINCT ON (rel.move_id)
                   rel.move_id, promise.promised_date
              FROM crm_payment_promise_invoice_rel rel
              JOIN crm_payment_promise promise ON promise.id = rel.promise_id
             WHERE promise.state = 'open'
          ORDER BY rel.move_id, promise.date DESC, promise.id DESC
            """
        )

    @api.model
    def _cron_broken_promises(self):
        """Daily: a promise whose date has passed with its invoices still unpaid is
        broken, and its salesperson gets one to-do to call the customer again."""
        todays = self.env["res.company"]._crm_todays()
        for company, today in todays.items():
            promises = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                    ("promised_date", "<", today),
                ]
            )
            self.env.add_to_compute(self._fields["state"], promises)
            promises.flush_recordset(["state"])
            for promise in promises.filtered(
                lambda p: p.state == "broken" and not p.broken_activity_id
            ):
                promise.broken_activity_id = promise.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today,
                    summary=self.env._("Payment promise broken"),
                    note=self.env._(
                        "%(customer)s promised to pay %(amount)s by %(date)s: call "
                        "them again.",
                        customer=promise.partner_id.display_name,
                        amount=format_amount(
                            self.env, promise.amount, promise.currency_id
                        ),
                        date=format_date(self.env, promise.promised_date),
                    ),
                    user_id=promise.user_id.id,
                )
            self._escalate_broken_promises(company, today)

    def _escalate_broken_promises(self, company, today):
        """Broken promises still unpaid ``collection_escalation_days`` after their date
        go to the sales manager over the salesperson's team, once; without one, to the
        administrator e-mail."""
        days = company.collection_escalation_days
        if not days:
            return
        promises = self.search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "broken"),
                ("escalated", "=", False),
                ("promised_date", "<=", fields.Date.subtract(today, days=days)),
            ]
        )
        lost = []
        for promise in promises:
            managers = promise.user_id.sale_team_id._crm_get_sales_managers(company)
            managers = managers.filtered(lambda user: user.active) - promise.user_id
            summary = self.env._(
                "Payment promise broken %(days)s days ago: %(customer)s",
                days=(today - promise.promised_date).days,
                customer=promise.partner_id.display_name,
            )
            for manager in managers:
                promise.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today,
                    summary=summary,
                    user_id=manager.id,
                )
            if not managers:
                lost.append(summary)
        promises.escalated = True
        if lost:
            company._crm_notify_admin(
                self.env._("Broken payment promises without a sales manager"), lost
            )
