from odoo import fields, models


class FreightBookingRequestReturn(models.TransientModel):
    _name = "freight.booking.request.return"
    _description = "Return a Booking Request"

    request_id = fields.Many2one(
        "freight.booking.request", required=True, ondelete="cascade"
    )
    reason = fields.Text(
        required=True, help="Told to the salesperson, e.g. the cut-off is missed."
    )

    def action_return(self):
        self.ensure_one()
        self.request_id._return(self.reason)
        return {"type": "ir.actions.act_window_close"}
