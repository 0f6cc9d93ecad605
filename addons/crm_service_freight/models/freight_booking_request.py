from odoo import fields, models


class FreightBookingRequest(models.Model):
    _inherit = "freight.booking.request"

    # service agents read bookings to link claims to them, not their profit
    expected_profit = fields.Monetary(
        groups="sales_team.group_sale_salesman,"
        "crm_freight_pricing.group_freight_operations,"
        "crm_freight_pricing.group_freight_pricing_user"
    )
    claim_count = fields.Integer(
        string="Claims",
        compute="_compute_claim_count",
        groups="helpdesk_mgmt.group_helpdesk_user_own",
    )

    def _compute_claim_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("claim_booking_id", "in", self.ids)],
                ["claim_booking_id"],
                ["__count"],
            )
        )
        for booking in self:
            booking.claim_count = counts.get(booking, 0)

    def action_view_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service_freight.helpdesk_ticket_action_claim"
        )
        action["domain"] = [("claim_booking_id", "=", self.id)]
        action["context"] = {
            "default_claim_booking_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_claim_type": "damage",
        }
        return action
