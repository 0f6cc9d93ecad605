from odoo import fields, models


class SaleOrderFreightContainer(models.Model):
    _name = "sale.order.freight.container"
    _inherit = ["freight.shipment.container.mixin"]
    _description = "Containers of a Freight Quotation"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
