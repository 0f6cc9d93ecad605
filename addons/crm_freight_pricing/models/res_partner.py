from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_shipping_line = fields.Boolean(string="Shipping Line")
    is_airline = fields.Boolean(string="Airline")
    is_coloader = fields.Boolean(string="Co-loader")
    is_trucker = fields.Boolean(string="Trucking Company")
    is_carrier = fields.Boolean(
        string="Carrier",
        compute="_compute_is_carrier",
        store=True,
        index=True,
        help="Shipping line, airline, co-loader or trucking company.",
    )

    @api.depends("is_shipping_line", "is_airline", "is_coloader", "is_trucker")
    def _compute_is_carrier(self):
        for partner in self:
            partner.is_carrier = (
                partner.is_shipping_line
                or partner.is_airline
                or partner.is_coloader
                or partner.is_trucker
            )

    freight_inquiry_count = fields.Integer(
        string="Inquiries", compute="_compute_freight_inquiry_count"
    )
    freight_booking_request_count = fields.Integer(
        string="Booking Requests", compute="_compute_freight_booking_request_count"
    )

    def _compute_freight_inquiry_count(self):
        counts = self._count_freight_documents("freight.inquiry")
        for partner in self:
            partner.freight_inquiry_count = counts.get(partner.id, 0)

    def _compute_freight_booking_request_count(self):
        counts = self._count_freight_documents("freight.booking.request")
        for partner in self:
            partner.freight_booking_request_count = counts.get(partner.id, 0)

    def action_view_freight_inquiries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_inquiry_action"
        )
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_freight_booking_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_booking_request_action"
        )
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["context"] = {"create": False}
        return action

    def _count_freight_documents(self, model_name):
        """{partner id: number of documents of the partner and its contacts}, as
        ``sale`` counts orders; empty for users who may not read them."""
        counts = dict.fromkeys(self.ids, 0)
        if not self.env[model_name].has_access("read"):
            return counts
        all_partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        groups = self.env[model_name]._read_group(
            [("partner_id", "in", all_partners.ids)], ["partner_id"], ["__count"]
        )
        for partner, count in groups:
            while partner:
                if partner.id in counts:
                    counts[partner.id] += count
                partner = partner.parent_id
        return counts
