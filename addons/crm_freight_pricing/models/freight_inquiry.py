from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

PRICING_GROUP = "crm_freight_pricing.group_freight_pricing_user"
PRICING_MANAGER_GROUP = "crm_freight_pricing.group_freight_pricing_manager"


class FreightInquiry(models.Model):
    """A salesperson's request to Pricing for a price on one shipment."""

    _name = "freight.inquiry"
    # the request mixin is a mail.thread
    _inherit = [
        "freight.request.mixin",
        "mail.activity.mixin",
        "freight.shipment.mixin",
    ]
    _description = "Service Inquiry"
    _order = "id desc"
    _check_company_auto = True
    _request_sequence_code = "freight.inquiry"
    _request_opportunity_field = "opportunity_id"

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("quoted", "Quoted"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # Request
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    opportunity_id = fields.Many2one(
        "crm.lead",
        index="btree_not_null",
        check_company=True,
        domain="[('type', '=', 'opportunity')]",
    )
    freight_mode = fields.Selection(required=True, tracking=True)
    origin_location_id = fields.Many2one(required=True)
    destination_location_id = fields.Many2one(required=True)
    container_line_ids = fields.One2many(
        "freight.inquiry.container", "inquiry_id", string="Containers", copy=True
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    target_price = fields.Monetary(
        help="The all-in price the customer expects, if known."
    )
    needed_by = fields.Datetime(tracking=True)
    expected_profit = fields.Monetary(
        help="Taken from the opportunity; compared later with the quoted and "
        "invoiced margins.",
    )
    note = fields.Html(string="Notes")

    # Answer
    pricing_user_id = fields.Many2one(
        "res.users",
        string="Pricing Member",
        index="btree_not_null",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(PRICING_GROUP).id)],
        help="Who answers this inquiry; when empty, the whole pricing team is told.",
    )
    order_id = fields.Many2one(
        "sale.order",
        string="Quotation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    reject_reason = fields.Text(readonly=True, copy=False)

    # Response-time clock, in working hours of the company's calendar
    submitted_at = fields.Datetime(readonly=True, copy=False)
    responded_at = fields.Datetime(readonly=True, copy=False)
    response_deadline = fields.Datetime(
        compute="_compute_response_deadline",
        store=True,
        help="Submission plus the response target of the mode, in working hours.",
    )
    response_hours = fields.Float(
        string="Response Time (h)",
        compute="_compute_response_hours",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Working hours from submission to acceptance or rejection.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        index=True,
        help="Not answered within the response target: the pricing managers were told.",
    )

    @api.depends("submitted_at", "freight_mode", "company_id")
    def _compute_response_deadline(self):
        for inquiry in self:
            calendar = inquiry.company_id.resource_calendar_id
            if not (inquiry.submitted_at and calendar):
                inquiry.response_deadline = False
                continue
            hours = inquiry.company_id._get_inquiry_response_target(
                inquiry.freight_mode
            )
            inquiry.response_deadline = calendar.plan_hours(
                hours, inquiry.submitted_at, compute_leaves=True
            )

    @api.depends("submitted_at", "responded_at", "company_id")
    def _compute_response_hours(self):
        for inquiry in self:
            calendar = inquiry.company_id.resource_calendar_id
            if not (inquiry.submitted_at and inquiry.responded_at and calendar):
                inquiry.response_hours = 0.0
                continue
            inquiry.response_hours = calendar.get_work_hours_count(
                inquiry.submitted_at, inquiry.responded_at
            )

    @api.constrains("target_price")
    def _check_target_price(self):
        if any(inquiry.target_price < 0 for inquiry in self):
            raise ValidationError(self.env._("The target price cannot be negative."))

    @api.constrains("needed_by")
    def _check_needed_by(self):
        now = fields.Datetime.now()
        for inquiry in self:
            if inquiry.needed_by and inquiry.needed_by < now:
                raise ValidationError(
                    self.env._(
                        "Inquiry %(name)s: 'needed by' %(date)s is in the past.",
                        name=inquiry.name,
                        date=self.env.user._crm_format_datetime(inquiry.needed_by),
                    )
                )

    def _get_delete_refused_message(self):
        return self.env._("Only draft or cancelled inquiries can be deleted.")

    def _get_reason_required_message(self):
        return self.env._("Say why the inquiry is rejected.")

    def _apply_reason(self, reason):
        self._reject(reason)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_submit(self):
        for inquiry in self:
            if inquiry.state != "draft":
                raise UserError(
                    self.env._(
                        "Inquiry %(name)s was already submitted.", name=inquiry.name
                    )
                )
        self.write({"state": "submitted", "submitted_at": fields.Datetime.now()})
        # the 'needed by' date may have passed while the inquiry was a draft
        self._check_needed_by()
        for inquiry in self:
            inquiry._notify_pricing()
        return True

    def action_accept(self):
        """Take the inquiry and open the rate search prefilled with it."""
        self.ensure_one()
        self._check_pricing_user()
        self._check_request_state(
            ("submitted",), self.env._("Only submitted inquiries can be accepted.")
        )
        self.write(
            {
                "state": "accepted",
                "responded_at": fields.Datetime.now(),
                "pricing_user_id": self.pricing_user_id.id or self.env.uid,
            }
        )
        self._close_pricing_activities(self.env._("Accepted"))
        self._notify_salesperson(
            self.env._(
                "%(user)s accepted your inquiry and is preparing the quotation.",
                user=self.env.user.name,
            )
        )
        return self.action_open_rate_search()

    def action_open_rate_search(self):
        self.ensure_one()
        self._check_pricing_user()
        self._check_request_state(
            ("accepted", "quoted"), self.env._("Accept the inquiry before quoting it.")
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quote %(name)s from Rates", name=self.name),
            "res_model": "freight.rate.search",
            "view_mode": "form",
            "target": "new",
            "context": {"default_inquiry_id": self.id},
        }

    def action_open_reject_wizard(self):
        self.ensure_one()
        self._check_pricing_user()
        return self._action_open_reason_wizard(
            self.env._("Reject Inquiry"),
            "crm_freight_pricing.freight_inquiry_reject_view_form",
        )

    def action_cancel(self):
        if any(inquiry.state in ("quoted", "rejected") for inquiry in self):
            raise UserError(
                self.env._("Answered inquiries cannot be cancelled any more.")
            )
        self._close_pricing_activities(self.env._("Cancelled"))
        self.write({"state": "cancel"})
        return True

    def action_reset_to_draft(self):
        self.write(
            {
                "state": "draft",
                "submitted_at": False,
                "responded_at": False,
                "is_overdue": False,
                "reject_reason": False,
            }
        )
        return True

    def action_view_quotation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.order_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    def _check_pricing_user(self):
        if not self.env.user.has_group(PRICING_GROUP):
            raise AccessError(self.env._("Only the pricing team answers inquiries."))

    def _get_pricing_team(self):
        """Active pricing users who work in the inquiry's company."""
        self.ensure_one()
        return self.env.ref(PRICING_GROUP).users.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )

    def _notify_pricing(self):
        self.ensure_one()
        if self.pricing_user_id:
            # the day of the deadline where the pricing user works, not in UTC
            deadline_day = fields.Date.context_today(
                self.with_context(
                    tz=self.pricing_user_id.tz or self.company_id._crm_tz()
                ),
                timestamp=self.response_deadline or fields.Datetime.now(),
            )
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline_day,
                summary=self.env._("Answer inquiry %(name)s", name=self.name),
                user_id=self.pricing_user_id.id,
            )
            return
        partners = self._get_pricing_team().partner_id
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self.env._(
                "New inquiry from %(user)s for %(customer)s: please accept or reject "
                "it before %(deadline)s.",
                user=self.user_id.name,
                customer=self.partner_id.display_name,
                deadline=self.env.user._crm_format_datetime(
                    self.response_deadline, tz=self.company_id._crm_tz()
                ),
            ),
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _close_pricing_activities(self, feedback):
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=feedback)

    def _reject(self, reason):
        """Refuse the inquiry for `reason`, given in the reason wizard."""
        self.ensure_one()
        self._check_pricing_user()
        self._check_request_state(
            ("submitted",), self.env._("Only submitted inquiries can be rejected.")
        )
        self.write(
            {
                "state": "rejected",
                "reject_reason": reason,
                "responded_at": fields.Datetime.now(),
                "pricing_user_id": self.pricing_user_id.id or self.env.uid,
            }
        )
        self._close_pricing_activities(self.env._("Rejected"))
        self._notify_salesperson(
            Markup("%s<br/>%s")
            % (
                self.env._("%(user)s rejected your inquiry.", user=self.env.user.name),
                reason,
            )
        )

    def _get_rate_search_defaults(self, fields_list):
        """Rate search values answering this inquiry, in the quotation's currency."""
        self.ensure_one()
        values = {
            key: value
            for key, value in self._get_shipment_values().items()
            if value and key in fields_list
        }
        currency = (
            self.order_id.currency_id
            or self.partner_id.with_company(
                self.company_id
            ).property_product_pricelist.currency_id
            or self.company_id.currency_id
        )
        values.update(
            inquiry_id=self.id,
            order_id=self.order_id.id,
            company_id=self.company_id.id,
            currency_id=currency.id,
        )
        return values

    def _prepare_quotation_values(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            "company_id": self.company_id.id,
            "opportunity_id": self.opportunity_id.id,
            "origin": self.name,
        }

    def _get_quotation(self):
        """The quotation answering this inquiry, created when there is none yet."""
        self.ensure_one()
        if self.order_id:
            return self.order_id
        order = self.env["sale.order"].create(self._prepare_quotation_values())
        self.order_id = order
        return order

    def _mark_quoted(self):
        """The quotation was filled in from rates: the salesperson can send it."""
        for inquiry in self:
            first_time = inquiry.state != "quoted"
            inquiry.state = "quoted"
            if first_time:
                inquiry.order_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Send the quotation answering %(name)s", name=inquiry.name
                    ),
                    user_id=inquiry.user_id.id,
                )
            inquiry._notify_salesperson(
                self.env._(
                    "Quotation %(order)s is ready for your inquiry.",
                    order=inquiry.order_id.name,
                )
            )

    @api.model
    def _cron_escalate_overdue(self, batch_size=200):
        """Flag submitted inquiries past their deadline and tell the pricing
        managers, once per inquiry."""
        domain = [
            ("state", "=", "submitted"),
            ("is_overdue", "=", False),
            ("response_deadline", "<", fields.Datetime.now()),
        ]
        inquiries = self.search(domain, limit=batch_size)
        managers = self.env.ref(PRICING_MANAGER_GROUP).users.filtered(
            lambda user: not user.share
        )
        for inquiry in inquiries:
            inquiry.is_overdue = True
            for manager in managers.filtered(
                lambda user, inquiry=inquiry: inquiry.company_id in user.company_ids
            ):
                inquiry.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Overdue inquiry %(name)s: not answered in time",
                        name=inquiry.name,
                    ),
                    user_id=manager.id,
                )
        remaining = self.search_count(domain) if len(inquiries) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(inquiries), remaining=remaining)
        return inquiries
