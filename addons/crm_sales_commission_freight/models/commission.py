from odoo import fields, models


class Commission(models.Model):
    _inherit = "commission"

    excluded_lane_ids = fields.One2many(
        "commission.excluded.lane",
        "commission_id",
        string="Excluded Lanes",
        help="Invoice lines of orders on these lanes (origin to destination of the "
        "sales order) earn no commission.",
    )

    def _exclusion(self, invoice_line):
        reason = super()._exclusion(invoice_line)
        if reason or not self.excluded_lane_ids:
            return reason
        for order in invoice_line.sale_line_ids.order_id:
            origin = order.origin_location_id
            destination = order.destination_location_id
            if any(
                lane._matches(origin, destination) for lane in self.excluded_lane_ids
            ):
                return "lane"
        return False
