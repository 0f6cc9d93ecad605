from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = [
        "sale.order",
        "crm.revision.mixin",
        "crm.deadline.reminder.mixin",
        "crm.sending.mixin",
    ]
    _deadline_reminder_date_field = "validity_date"
    _deadline_reminder_days_field = "quotation_expiry_reminder_days"
    _send_log_model = "sale.order.send.log"
    _send_log_document_field = "order_id"

    # Revisions: the original quotation keeps its name (SO001); each revision is a new
    # order numbered SO001-R1, R2... and the one it replaces is archived, read-only.
    revision_root_id = fields.Many2one(
        "sale.order",
        string="Original Quotation",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    previous_revision_id = fields.Many2one(
        "sale.order", string="Revised From", readonly=True, copy=False
    )
    superseded_by_id = fields.Many2one(
        "sale.order",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    revision_child_ids = fields.One2many(
        "sale.order",
        "revision_root_id",
        string="Later Revisions",
        context={"active_test": False},
    )
    revision_ids = fields.Many2many(
        "sale.order",
        string="Revisions",
        compute="_compute_revision_ids",
        context={"active_test": False},
        help="Every revision of this quotation, the original first.",
    )

    # Sending and expiry
    send_log_ids = fields.One2many("sale.order.send.log", "order_id", string="Sendings")
    send_count = fields.Integer(
        help="How many times this revision was e-mailed or printed."
    )
    validity_expired = fields.Boolean(
        string="Expired",
        readonly=True,
        copy=False,
        index=True,
        help="Its validity date has passed before it was confirmed: out of the open "
        "pipeline.",
    )

    # Lost quotations
    lost_reason_id = fields.Many2one(
        "crm.lost.reason", copy=False, tracking=True, index="btree_not_null"
    )
    lost_competitor_id = fields.Many2one(
        "res.partner",
        string="Lost To",
        copy=False,
        domain="[('customer_type', '=', 'competitor')]",
    )
    competitor_price = fields.Monetary(
        copy=False,
        help="The competitor's untaxed price for the same scope, when known.",
    )
    price_gap = fields.Monetary(
        compute="_compute_price_gap",
        store=True,
        help="Our untaxed total less the competitor's price: how much cheaper the "
        "competitor was.",
    )

    # Which price policy applied: the pricelist, its rules and the discounts granted
    pricing_summary = fields.Char(
        string="Price Policy",
        compute="_compute_pricing_summary",
        help="The pricelist and pricelist rules that set the prices of this quotation, "
        "and the discounts granted on its lines.",
    )
    discount_granted = fields.Monetary(
        compute="_compute_pricing_summary",
        help="Untaxed amount given away by line discounts.",
    )

    _sql_constraints = [
        (
            "revision_number_unique",
            "UNIQUE(revision_root_id, revision_number)",
            "This quotation already has a revision with that number.",
        ),
    ]

    @api.depends(
        "revision_root_id.revision_child_ids.revision_number",
        "revision_child_ids.revision_number",
    )
    def _compute_revision_ids(self):
        return super()._compute_revision_ids()

    @api.depends("competitor_price", "amount_untaxed")
    def _compute_price_gap(self):
        for order in self:
            order.price_gap = (
                order.amount_untaxed - order.competitor_price
                if order.competitor_price
                else 0.0
            )

    @api.depends(
        "pricelist_id",
        "order_line.pricelist_item_id",
        "order_line.discount",
        "order_line.price_unit",
        "order_line.product_uom_qty",
    )
    def _compute_pricing_summary(self):
        for order in self:
            lines = order.order_line.filtered(lambda line: not line.display_type)
            discounted = lines.filtered("discount")
            order.discount_granted = sum(
                line.price_unit * line.product_uom_qty * line.discount / 100
                for line in discounted
            )
            parts = []
            if order.pricelist_id:
                parts.append(order.pricelist_id.display_name)
            rules = lines.pricelist_item_id
            if rules:
                parts.append(
                    self.env._(
                        "rules: %(rules)s",
                        rules=", ".join(rules.mapped("name")),
                    )
                )
            if discounted:
                parts.append(
                    self.env._(
                        "discount on %(count)s of %(total)s lines",
                        count=len(discounted),
                        total=len(lines),
                    )
                )
            order.pricing_summary = " · ".join(parts)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        if "validity_date" in vals:
            # a new validity date reopens the quotation (and gets its own reminder)
            vals = {**vals, "validity_expired": False}
        return super().write(vals)

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        context = self.env.context
        if context.get("mark_so_as_sent") or context.get(
            "crm_sales_pipeline_quotation_email"
        ):
            self.filtered(lambda o: o.state in ("draft", "sent"))._log_sending(
                "email", self.env["res.partner"].browse(kwargs.get("partner_ids"))
            )
        return super().message_post(**kwargs)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_cancel(self):
        """A quotation is cancelled because it was lost: ask why first."""
        if not self.env.context.get("crm_sales_pipeline_lost_reason_given") and any(
            order.state in ("draft", "sent") and not order.lost_reason_id
            for order in self
        ):
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Why Was It Lost?"),
                "res_model": "sale.order.lost.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_order_ids": self.ids},
            }
        return super().action_cancel()

    def action_open_send_log(self):
        """The sending history of every revision of the quotation."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.sale_order_send_log_action"
        )
        action["domain"] = [("order_id", "in", self.revision_ids.ids)]
        action["display_name"] = self.env._(
            "Sendings of %(order)s", order=(self.revision_root_id or self).name
        )
        return action

    def action_open_revision_compare(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare Revisions"),
            "res_model": "sale.order.revision.compare",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_new_order_id": self.id,
                "default_old_order_id": (
                    self.previous_revision_id or self.revision_ids[:1]
                ).id,
            },
        }

    # ------------------------------------------------------------
    # Revisions
    # ------------------------------------------------------------

    def _check_revisable_state(self):
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is no longer a quotation: only draft or sent "
                        "quotations can be revised.",
                        order=order.name,
                    )
                )

    def _revision_list_view(self):
        return self.env.ref("crm_sales_pipeline.sale_order_view_list_revision")

    def _prepare_revision_values(self, root, number, reason):
        return {
            **super()._prepare_revision_values(root, number, reason),
            "client_order_ref": self.client_order_ref,
            "opportunity_id": self.opportunity_id.id,
        }

    # ------------------------------------------------------------
    # Sending and expiry
    # ------------------------------------------------------------

    @api.model
    def _cron_expire_quotations(self):
        """Flag quotations (drafts too: they count on the opportunity) past their
        validity date, and remind salespeople of sent ones about to expire, once
        per validity date."""
        expired = self.browse()
        for company, today in self.env["res.company"]._crm_todays().items():
            expired |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("draft", "sent")),
                    ("validity_date", "<", today),
                    ("validity_expired", "=", False),
                ]
            )
        expired.validity_expired = True
        for order in expired:
            order.message_post(body=self.env._("The quotation has expired."))
        self._cron_remind_deadlines()

    @api.model
    def _get_deadline_reminder_domain(self):
        return [("state", "=", "sent")]

    def _get_deadline_reminder_summary(self):
        return self.env._("Quotation expires soon")

    def _get_deadline_reminder_note(self, user):
        return self.env._(
            "%(order)s expires on %(date)s: follow up with the customer or extend it.",
            order=self.name,
            date=user._crm_format_date(self.validity_date),
        )

    # ------------------------------------------------------------
    # Confirmation and signature
    # ------------------------------------------------------------

    def _confirmation_error_message(self):
        if self.superseded_by_id:
            return self.env._(
                "%(order)s is an old revision: only its newest revision, %(newest)s, "
                "can be confirmed.",
                order=self.name,
                newest=self._newest_revision().name,
            )
        return super()._confirmation_error_message()

    def _superseded_message(self):
        """What the customer reads on an old revision's portal page, and when
        trying to accept it."""
        self.ensure_one()
        return self.env._(
            "%(order)s was replaced by %(newest)s: open %(newest)s to review and "
            "accept the current offer.",
            order=self.name,
            newest=self._newest_revision().name,
        )

    def _has_to_be_signed(self):
        return not self.superseded_by_id and super()._has_to_be_signed()

    def _has_to_be_paid(self):
        return not self.superseded_by_id and super()._has_to_be_paid()
