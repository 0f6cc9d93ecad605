from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "freight.shipment.mixin"]

    freight_incoterm_id = fields.Many2one("account.incoterms")
    container_line_ids = fields.One2many(
        "sale.order.freight.container", "order_id", string="Containers", copy=True
    )
    package_line_ids = fields.One2many(
        "sale.order.freight.package", "order_id", string="Dimensions", copy=True
    )
    package_count = fields.Integer(
        compute="_compute_cargo_from_packages",
        store=True,
        readonly=False,
    )
    cargo_volume = fields.Float(
        compute="_compute_cargo_from_packages",
        store=True,
        readonly=False,
    )
    margin = fields.Monetary(groups=COST_GROUP)
    margin_percent = fields.Float(groups=COST_GROUP)

    # Approval: margin under the mode's minimum, or a buy rate changed since quoted
    # internal: a customer reading them (portal) learns how far the price may fall
    freight_under_floor = fields.Boolean(
        string="Under Sell Floor",
        groups="base.group_user",
        compute="_compute_freight_approval",
        help="A line sells under the sell floor Pricing published for its rate.",
    )
    freight_margin_too_low = fields.Boolean(
        string="Margin Under Minimum",
        groups="base.group_user",
        compute="_compute_freight_approval",
        help="At or above the sell floors, the margin is under the company's minimum "
        "for this mode.",
    )
    freight_rate_changed = fields.Boolean(
        string="Buy Rate Changed",
        compute="_compute_freight_approval",
        help="A buy rate this quotation was priced from has expired or changed since.",
    )
    freight_approval_needed = fields.Boolean(compute="_compute_freight_approval")
    # salespeople read the buy rates' validity; billing users opening the order
    # may not read buy rates at all
    freight_validity_warning = fields.Char(
        groups="sales_team.group_sale_salesman",
        compute="_compute_freight_validity_warning",
        help="Set when the quotation stays valid after a buy rate it was priced "
        "from ends.",
    )
    freight_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    freight_approved_at = fields.Datetime(
        string="Approved On", readonly=True, copy=False
    )

    # Requests to Pricing (before) and to Operations (after the order)
    freight_inquiry_ids = fields.One2many(
        "freight.inquiry", "order_id", string="Service Inquiries"
    )
    freight_inquiry_count = fields.Integer(
        string="Inquiries", compute="_compute_freight_inquiry_count"
    )
    freight_booking_request_ids = fields.One2many(
        "freight.booking.request", "order_id", string="Booking Requests"
    )
    freight_booking_request_count = fields.Integer(
        string="Booking Request Count",
        compute="_compute_freight_booking_request_count",
    )

    @api.depends(
        "freight_mode",
        "company_id",
        "margin_percent",
        "amount_untaxed",
        "freight_approved_at",
        "order_line.price_unit",
        "order_line.discount",
        "order_line.freight_floor_price",
        "order_line.freight_rate_id.state",
        "order_line.freight_rate_id.prices_changed_at",
    )
    def _compute_freight_approval(self):
        for order in self:
            # sudo: the check runs for salespeople who may not read the margin itself
            margin_percent = order.sudo().margin_percent * 100
            minimum = order.company_id._get_freight_min_margin(order.freight_mode)
            # under a floor the quotation needs approval whatever the cost: telling
            # the salesperson there whether the margin is also under the minimum
            # would let them narrow the hidden cost down by trying prices
            order.freight_under_floor = any(
                line._freight_under_floor() for line in order.order_line
            )
            order.freight_margin_too_low = bool(
                not order.freight_under_floor
                and minimum
                and order.amount_untaxed
                and margin_percent < minimum
            )
            changed_rates = order.order_line.filtered(
                lambda line: line.freight_rate_id and line._freight_rate_changed()
            ).freight_rate_id
            order.freight_rate_changed = bool(changed_rates)
            approved_at = order.freight_approved_at
            order.freight_approval_needed = order.state in ("draft", "sent") and (
                (
                    (order.freight_margin_too_low or order.freight_under_floor)
                    and not approved_at
                )
                or any(
                    not approved_at or approved_at < rate._changed_since()
                    for rate in changed_rates
                )
            )

    @api.depends("validity_date", "state", "order_line.freight_rate_id.date_to")
    def _compute_freight_validity_warning(self):
        for order in self:
            rates_until = order._freight_rates_valid_until()
            order.freight_validity_warning = (
                order.state in ("draft", "sent")
                and order.validity_date
                and rates_until
                and order.validity_date > rates_until
                and self.env._(
                    "This quotation is valid until %(validity)s, but a buy rate it "
                    "was priced from ends on %(rates)s: shorten the validity or ask "
                    "Pricing to extend the rate.",
                    validity=format_date(self.env, order.validity_date),
                    rates=format_date(self.env, rates_until),
                )
            )

    @api.depends("package_line_ids.volume", "package_line_ids.package_count")
    def _compute_cargo_from_packages(self):
        for order in self.filtered("package_line_ids"):
            order.package_count = sum(order.package_line_ids.mapped("package_count"))
            order.cargo_volume = sum(order.package_line_ids.mapped("volume"))

    def write(self, vals):
        if "order_line" in vals and not self.env.context.get("freight_keep_approval"):
            vals = {
                **vals,
                "freight_approved_by_id": False,
                "freight_approved_at": False,
            }
        return super().write(vals)

    def action_open_rate_search(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Add from Rates"),
            "res_model": "freight.rate.search",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_quotation_send(self):
        for order in self.filtered("freight_approval_needed"):
            raise UserError(order._freight_approval_message())
        return super().action_quotation_send()

    def action_request_freight_approval(self):
        self.ensure_one()
        for manager in self._get_freight_approvers():
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=self.env._("Approve freight quotation"),
                note=self._freight_approval_message(),
            )
        self.message_post(
            body=self.env._(
                "Approval requested: %(reason)s",
                reason=self._freight_approval_message(),
            )
        )

    def _get_freight_approvers(self):
        """Who approves this quotation: the nearest leader up its team's tree
        (team › department › branch) who is a sales manager, else the company's
        sales managers. A team leader without the right to approve is skipped."""
        self.ensure_one()
        return self.team_id._crm_get_sales_managers(self.company_id)

    def action_approve_freight(self):
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                self.env._("Only sales managers approve freight quotations.")
            )
        self.write(
            {
                "freight_approved_by_id": self.env.uid,
                "freight_approved_at": fields.Datetime.now(),
            }
        )
        self.activity_feedback(
            ["mail.mail_activity_data_todo"], feedback=self.env._("Approved")
        )

    @api.model
    def _remind_quotations_of_expiring_rates(self, rates):
        """Each open quotation priced from one of ``rates`` gets an activity for its
        salesperson; returns those quotations."""
        lines = self.env["sale.order.line"].search(
            [
                ("freight_rate_id", "in", rates.ids),
                ("order_id.state", "in", ("draft", "sent")),
            ]
        )
        for order, order_lines in lines.grouped("order_id").items():
            order_rates = order_lines.freight_rate_id
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=min(order_rates.mapped("date_to")),
                user_id=order.user_id.id or self.env.uid,
                summary=self.env._("Buy rate expiring"),
                note=self.env._(
                    "%(rates)s, which this quotation is priced from, expires on "
                    "%(date)s: confirm the quotation before, or re-price it.",
                    rates=", ".join(order_rates.mapped("display_name")),
                    date=(order.user_id or self.env.user)._crm_format_date(
                        min(order_rates.mapped("date_to"))
                    ),
                ),
            )
        return lines.order_id

    def _freight_approval_message(self):
        self.ensure_one()
        reasons = []
        if self.freight_under_floor:
            reasons.append(self.env._("a price is under Pricing's sell floor"))
        if self.freight_margin_too_low:
            reasons.append(
                self.env._(
                    "the margin is under the %(minimum)s%% minimum for this mode",
                    minimum=self.company_id._get_freight_min_margin(self.freight_mode),
                )
            )
        if self.freight_rate_changed:
            reasons.append(
                self.env._("a buy rate it was priced from expired or changed")
            )
        return self.env._(
            "%(order)s needs a sales manager's approval: %(reasons)s.",
            order=self.name,
            reasons="; ".join(reasons),
        )

    # ------------------------------------------------------------
    # Printed quotation
    # ------------------------------------------------------------

    def _freight_cargo_summary(self):
        self.ensure_one()
        if self.freight_mode == "sea_fcl":
            return ", ".join(
                f"{quantity} x {ctype.name}"
                for ctype, quantity in self._get_container_quantities().items()
            )
        if self.freight_mode == "truck":
            return self.env._(
                "%(trips)s x %(truck)s",
                trips=self.trip_count,
                truck=self.vehicle_type_id.name,
            )
        summary = self.env._(
            "%(packages)s packages, %(weight)s kg, %(volume)s m³",
            packages=self.package_count,
            weight=self.gross_weight,
            volume=self.cargo_volume,
        )
        if self.freight_mode == "air":
            summary += self.env._(
                " (chargeable %(weight)s kg)", weight=self.chargeable_weight
            )
        return summary

    def _freight_transit_days(self):
        rates = self.order_line.freight_rate_id
        return min(rates.mapped("transit_days")) if rates else 0

    def _freight_rates_valid_until(self):
        """The earliest end of the buy rates the lines were priced from."""
        rates = self.order_line.freight_rate_id
        return min(rates.mapped("date_to")) if rates else False

    def _confirmation_error_message(self):
        if self.freight_approval_needed:
            return self._freight_approval_message()
        return super()._confirmation_error_message()

    @api.depends("freight_inquiry_ids")
    def _compute_freight_inquiry_count(self):
        counts = self._count_freight_requests("freight.inquiry")
        for order in self:
            order.freight_inquiry_count = counts.get(order, 0)

    @api.depends("freight_booking_request_ids")
    def _compute_freight_booking_request_count(self):
        counts = self._count_freight_requests("freight.booking.request")
        for order in self:
            order.freight_booking_request_count = counts.get(order, 0)

    def _count_freight_requests(self, model):
        """Requests of `model` per order; none for users who may not read them."""
        if not self.env[model].has_access("read"):
            return {}
        return dict(
            self.env[model]._read_group(
                [("order_id", "in", self.ids)], ["order_id"], ["__count"]
            )
        )

    def action_view_freight_inquiries(self):
        self.ensure_one()
        return self._action_view_freight_requests(
            "crm_freight_pricing.freight_inquiry_action",
            self.freight_inquiry_count,
            "freight_inquiry_ids",
        )

    def _action_view_freight_requests(self, action_xmlid, count, requests_field):
        """The order's requests, or the only one in its form."""
        action = self.env["ir.actions.act_window"]._for_xml_id(action_xmlid)
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"create": False}
        if count == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=self[requests_field].id,
            )
        return action

    def action_create_freight_booking_request(self):
        """Hand the confirmed shipment to operations: a draft request to complete
        and send."""
        self.ensure_one()
        if self.state != "sale":
            raise UserError(
                self.env._("Confirm the quotation before asking operations to book it.")
            )
        request = self.env["freight.booking.request"].create(
            self._prepare_freight_booking_request_values()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.booking.request",
            "res_id": request.id,
            "view_mode": "form",
        }

    def action_view_freight_booking_requests(self):
        self.ensure_one()
        return self._action_view_freight_requests(
            "crm_freight_pricing.freight_booking_request_action",
            self.freight_booking_request_count,
            "freight_booking_request_ids",
        )

    def _prepare_freight_booking_request_values(self):
        self.ensure_one()
        # days where the company works: the commitment is stored in UTC
        company_day = self.with_context(tz=self.company_id._crm_tz())
        today = fields.Date.context_today(company_day)
        requested = self.shipment_date or (
            self.commitment_date
            and fields.Date.context_today(company_day, timestamp=self.commitment_date)
        )
        return {
            **self._get_shipment_values(),
            "order_id": self.id,
            "user_id": (self.user_id or self.env.user).id,
            "requested_date": max(requested, today) if requested else today,
        }
