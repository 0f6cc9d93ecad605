from odoo import fields, models


class FreightBookingRequestContainer(models.Model):
    _name = "freight.booking.request.container"
    _inherit = ["freight.shipment.container.mixin"]
    _description = "Containers of a Booking Request"

    request_id = fields.Many2one(
        "freight.booking.request", required=True, ondelete="cascade", index=True
    )
