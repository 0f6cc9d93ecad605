from odoo import fields, models


class FreightShipmentContainerMixin(models.AbstractModel):
    _name = "freight.shipment.container.mixin"
    _description = "Containers of a Shipment"

    container_type_id = fields.Many2one("freight.container.type", required=True)
    quantity = fields.Integer(default=1, required=True)

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK (quantity > 0)",
            "The number of containers must be positive.",
        ),
    ]
