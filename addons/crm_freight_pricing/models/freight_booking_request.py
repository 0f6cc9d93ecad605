from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .freight_operations_team import OPERATIONS_GROUP

TEAM_BY_MODE = {"sea_fcl": "sea", "sea_lcl": "sea", "air": "air", "truck": "truck"}


class FreightBookingRequest(models.Model):
    """A won shipment handed from sales to an operations team, which opens a
    job file for it."""

    _name = "freight.booking.request"
    # the request mixin is a mail.thread
    _inherit = [
        "freight.request.mixin",
        "mail.activity.mixin",
        "freight.shipment.mixin",
    ]
    _description = "Internal Booking Request"
    _order = "id desc"
    _check_company_auto = True
    _request_sequence_code = "freight.booking.request"
    # the order's opportunity when the request is made, not when it changes later
    _request_opportunity_field = "order_id.opportunity_id"

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("accepted", "Job Opened"),
            ("returned", "Returned"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    # Sales side
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        related="order_id.partner_id",
        string="Customer",
        store=True,
        index=True,
        precompute=True,
    )
    requested_date = fields.Date(
        required=True,
        tracking=True,
        help="When the customer wants the service: pick-up, stuffing or departure.",
    )
    note = fields.Html(string="Instructions")
    expected_profit = fields.Monetary(
        help="Taken from the order's opportunity, for the job file's profit follow-up.",
    )
    container_line_ids = fields.One2many(
        "freight.booking.request.container",
        "request_id",
        string="Containers",
        copy=True,
    )

    # Operations side
    team_id = fields.Many2one(
        "freight.operations.team",
        string="Operations Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
    )
    job_number = fields.Char(readonly=True, copy=False, index="btree_not_null")
    processed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    processed_at = fields.Datetime(readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False)

    @api.depends("freight_mode")
    def _compute_team_id(self):
        teams = self.env["freight.operations.team"].search(
            [("code", "in", list(TEAM_BY_MODE.values()))]
        )
        for request in self:
            code = TEAM_BY_MODE.get(request.freight_mode)
            # a request sent to Logistics on purpose stays there
            if code and request.team_id.code != "logistics":
                request.team_id = teams.filtered(
                    lambda team, code=code: team.code == code
                )[:1]
            else:
                request.team_id = request.team_id

    @api.constrains("requested_date")
    def _check_requested_date(self):
        today = fields.Date.context_today(self)
        for request in self:
            if (
                request.state in ("draft", "sent", "returned")
                and request.requested_date < today
            ):
                raise ValidationError(
                    self.env._(
                        "Booking request %(name)s: the requested date %(date)s is in "
                        "the past.",
                        name=request.name,
                        date=self.env.user._crm_format_date(request.requested_date),
                    )
                )

    def _get_delete_refused_message(self):
        return self.env._("Only draft or cancelled booking requests can be deleted.")

    def _get_reason_required_message(self):
        return self.env._("Say why the booking request is returned.")

    def _apply_reason(self, reason):
        self._return(reason)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_send(self):
        for request in self:
            if request.state not in ("draft", "returned"):
                raise UserError(
                    self.env._(
                        "Booking request %(name)s was already sent.", name=request.name
                    )
                )
            if not request.team_id:
                raise UserError(
                    self.env._(
                        "Choose the operations team of booking request %(name)s.",
                        name=request.name,
                    )
                )
        # the requested date may have passed since the request was drafted
        self._check_requested_date()
        self.activity_feedback(
            ["mail.mail_activity_data_todo"], feedback=self.env._("Sent")
        )
        self.write({"state": "sent", "return_reason": False})
        for request in self:
            request._notify_team()
        return True

    def action_accept(self):
        """Open the job file: the team's next job number."""
        self._check_operations_user()
        for request in self:
            if request.state != "sent":
                raise UserError(
                    self.env._("Only sent booking requests can be accepted.")
                )
            request.write(
                {
                    "state": "accepted",
                    # ir.sequence is read-only for operations users
                    "job_number": request.team_id.job_sequence_id.sudo().next_by_id(),
                    "processed_by_id": self.env.uid,
                    "processed_at": fields.Datetime.now(),
                }
            )
            request._notify_salesperson(
                self.env._(
                    "%(user)s opened job file %(job)s for your booking request.",
                    user=self.env.user.name,
                    job=request.job_number,
                )
            )
        return True

    def action_open_return_wizard(self):
        self.ensure_one()
        self._check_operations_user()
        return self._action_open_reason_wizard(
            self.env._("Return Booking Request"),
            "crm_freight_pricing.freight_booking_request_return_view_form",
        )

    def action_done(self):
        self._check_operations_user()
        self._check_request_state(
            ("accepted",), self.env._("Only opened job files can be closed.")
        )
        self.write({"state": "done"})
        for request in self:
            request._notify_salesperson(
                self.env._(
                    "Job file %(job)s is done.",
                    job=request.job_number,
                )
            )
        return True

    def action_cancel(self):
        if any(request.state in ("accepted", "done") for request in self):
            raise UserError(
                self.env._(
                    "A job file is open for this request: ask operations to close it."
                )
            )
        self.write({"state": "cancel"})
        return True

    def action_reset_to_draft(self):
        self._check_request_state(
            ("cancel",), self.env._("Only cancelled requests can be reset.")
        )
        self.write({"state": "draft"})
        return True

    def action_view_order(self):
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

    def _check_operations_user(self):
        if not self.env.user.has_group(OPERATIONS_GROUP):
            raise AccessError(
                self.env._("Only operations teams process booking requests.")
            )

    def _notify_team(self):
        self.ensure_one()
        partners = (
            self.team_id._get_recipients()
            .filtered(lambda user: self.company_id in user.company_ids)
            .partner_id
        )
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self.env._(
                "New booking request from %(user)s for %(customer)s (%(order)s), "
                "wanted on %(date)s.",
                user=self.user_id.name,
                customer=self.partner_id.display_name,
                order=self.order_id.name,
                date=self.env.user._crm_format_date(self.requested_date),
            ),
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _return(self, reason):
        """Send the request back to sales for `reason`, given in the reason wizard."""
        self.ensure_one()
        self._check_operations_user()
        self._check_request_state(
            ("sent",), self.env._("Only sent booking requests can be returned.")
        )
        self.write(
            {
                "state": "returned",
                "return_reason": reason,
                "processed_by_id": self.env.uid,
                "processed_at": fields.Datetime.now(),
            }
        )
        self._notify_salesperson(
            Markup("%s<br/>%s")
            % (
                self.env._(
                    "%(user)s returned your booking request.", user=self.env.user.name
                ),
                reason,
            )
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Complete and resend %(name)s", name=self.name),
            user_id=self.user_id.id,
        )
