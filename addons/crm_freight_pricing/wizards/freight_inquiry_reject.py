from odoo import fields, models


class FreightInquiryReject(models.TransientModel):
    _name = "freight.inquiry.reject"
    _description = "Reject a Service Inquiry"

    inquiry_id = fields.Many2one("freight.inquiry", required=True, ondelete="cascade")
    reason = fields.Text(
        required=True, help="Told to the salesperson, e.g. no carrier serves the lane."
    )

    def action_reject(self):
        self.ensure_one()
        self.inquiry_id._reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
