from odoo import api, fields, models


class AccountInvoiceLineAgent(models.Model):
    _inherit = "account.invoice.line.agent"

    exclusion = fields.Selection(
        selection_add=[("lane", "Excluded lane")], ondelete={"lane": "set null"}
    )

    @api.depends(
        "commission_id.excluded_lane_ids.origin_location_id",
        "commission_id.excluded_lane_ids.destination_location_id",
        "object_id.sale_line_ids.order_id.origin_location_id",
        "object_id.sale_line_ids.order_id.destination_location_id",
    )
    def _compute_exclusion(self):
        return super()._compute_exclusion()
