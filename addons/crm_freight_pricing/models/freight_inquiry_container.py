from odoo import fields, models


class FreightInquiryContainer(models.Model):
    _name = "freight.inquiry.container"
    _inherit = ["freight.shipment.container.mixin"]
    _description = "Containers of a Service Inquiry"

    inquiry_id = fields.Many2one(
        "freight.inquiry", required=True, ondelete="cascade", index=True
    )
