from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmContract(models.Model):
    _name = "crm.contract"
    _description = "Sales Contract"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "crm.revision.mixin",
        "crm.deadline.reminder.mixin",
        "crm.sending.mixin",
    ]
    _order = "date_start desc, id desc"
    _rec_names_search = ["name", "partner_id.name", "partner_id.customer_code"]
    _check_company_auto = True
    _deadline_reminder_date_field = "date_end"
    _deadline_reminder_days_field = "contract_expiry_reminder_days"
    _send_log_model = "crm.contract.send.log"
    _send_log_document_field = "contract_id"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        index="trigram",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_customer_file', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    contract_type = fields.Selection(
        [("framework", "Framework"), ("one_off", "One-off")],
        string="Type",
        required=True,
        default="framework",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("signed", "Signed"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        string="Status",
        required=True,
        default="draft",
        index=True,
        tracking=True,
        copy=False,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", tracking=True, index=True)
    date_signed = fields.Date(string="Signed On", copy=False, tracking=True)
    signed_by_id = fields.Many2one(
        "res.partner",
        copy=False,
        check_company=True,
        domain="[('commercial_partner_id', '=', partner_id)]",
        help="The customer's signatory.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    amount = fields.Monetary(string="Value", tracking=True)
    terms = fields.Html()
    opportunity_id = fields.Many2one(
        "crm.lead", check_company=True, index="btree_not_null"
    )
    order_ids = fields.Many2many(
        "sale.order",
        string="Quotations and Orders",
        check_company=True,
        domain="[('partner_id.commercial_partner_id', '=', partner_id)]",
    )
    # Sendings, counted as quotations' are
    send_log_ids = fields.One2many(
        "crm.contract.send.log", "contract_id", string="Sendings"
    )
    send_count = fields.Integer(help="How many times this revision was marked as sent.")
    # Revisions, as on quotations: HD/2026/0001-R1 replaces HD/2026/0001
    revision_root_id = fields.Many2one(
        "crm.contract",
        string="Original Contract",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
    )
    previous_revision_id = fields.Many2one(
        "crm.contract",
        string="Revised From",
        readonly=True,
        copy=False,
        check_company=True,
    )
    superseded_by_id = fields.Many2one(
        "crm.contract",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    revision_child_ids = fields.One2many(
        "crm.contract",
        "revision_root_id",
        string="Later Revisions",
        context={"active_test": False},
    )
    revision_ids = fields.Many2many(
        "crm.contract",
        string="Revisions",
        compute="_compute_revision_ids",
        context={"active_test": False},
        help="Every revision of this contract, the original first.",
    )

    _sql_constraints = [
        (
            "revision_number_unique",
            "UNIQUE(revision_root_id, revision_number)",
            "This contract already has a revision with that number.",
        ),
        (
            "name_company_unique",
            "UNIQUE(name, company_id)",
            "Contract numbers must be unique per company.",
        ),
    ]

    @api.depends(
        "revision_root_id.revision_child_ids.revision_number",
        "revision_child_ids.revision_number",
    )
    def _compute_revision_ids(self):
        return super()._compute_revision_ids()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s ends before it starts.",
                        contract=contract.name,
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The value of the contract %(contract)s cannot be negative.",
                        contract=contract.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].with_company(
                    vals.get("company_id")
                ).next_by_code("crm.contract") or self.env._("New")
        return super().create(vals_list)

    def action_mark_sent(self):
        """Each sending counts: a corrected copy or a reminder is marked sent again."""
        self._check_state(("draft", "sent"))
        self._log_sending("manual")
        self.state = "sent"

    def action_sign(self):
        self._check_state(("draft", "sent"))
        for contract in self:
            contract.write(
                {
                    "state": "signed",
                    "date_signed": contract.date_signed
                    or fields.Date.context_today(self),
                }
            )

    def action_terminate(self):
        self._check_state(("signed",))
        self.state = "terminated"

    def action_reset_to_draft(self):
        self._check_state(("sent", "terminated", "expired"))
        self.state = "draft"

    def action_open_send_log(self):
        """The sending history of every revision of the contract."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.crm_contract_send_log_action"
        )
        action["domain"] = [("contract_id", "in", self.revision_ids.ids)]
        action["display_name"] = self.env._(
            "Sendings of %(contract)s", contract=(self.revision_root_id or self).name
        )
        return action

    def _get_send_log_amount(self):
        return self.amount

    def _check_revisable_state(self):
        self._check_state(("draft", "sent"))

    def _revision_list_view(self):
        return self.env.ref("crm_sales_pipeline.crm_contract_view_list")

    def _check_state(self, allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state not in allowed:
                raise UserError(
                    self.env._(
                        "The contract %(contract)s is %(state)s: this step is not "
                        "possible.",
                        contract=contract.name,
                        state=labels[contract.state],
                    )
                )

    @api.model
    def _cron_expire_contracts(self):
        """Expire signed contracts past their end date and remind salespeople of
        those about to end, once per end date."""
        for company, today in self.env["res.company"]._crm_todays().items():
            ended = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "signed"),
                    ("date_end", "<", today),
                ]
            )
            ended.state = "expired"
        self._cron_remind_deadlines()

    @api.model
    def _get_deadline_reminder_domain(self):
        return [("state", "=", "signed")]

    def _get_deadline_reminder_summary(self):
        return self.env._("Contract ends soon")

    def _get_deadline_reminder_note(self, user):
        return self.env._(
            "The contract %(contract)s with %(customer)s ends on %(date)s.",
            contract=self.name,
            customer=self.partner_id.display_name,
            date=user._crm_format_date(self.date_end),
        )
