from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

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

    @api.depends("freight_inquiry_ids")
    def _compute_freight_inquiry_count(self):
        self.freight_inquiry_count = 0
        if not self.env["freight.inquiry"].has_access("read"):
            return
        counts = dict(
            self.env["freight.inquiry"]._read_group(
                [("order_id", "in", self.ids)], ["order_id"], ["__count"]
            )
        )
        for order in self:
            order.freight_inquiry_count = counts.get(order, 0)

    @api.depends("freight_booking_request_ids")
    def _compute_freight_booking_request_count(self):
        self.freight_booking_request_count = 0
        if not self.env["freight.booking.request"].has_access("read"):
            return
        counts = dict(
            self.env["freight.booking.request"]._read_group(
                [("order_id", "in", self.ids)], ["order_id"], ["__count"]
            )
        )
        for order in self:
            order.freight_booking_request_count = counts.get(order, 0)

    def action_view_freight_inquiries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_inquiry_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"create": False}
        if self.freight_inquiry_count == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=self.freight_inquiry_ids.id,
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
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_booking_request_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"create": False}
        if self.freight_booking_request_count == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=self.freight_booking_request_ids.id,
            )
        return action

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
