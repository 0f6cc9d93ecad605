from odoo import fields, models


class FreightVehicleType(models.Model):
    _name = "freight.vehicle.type"
    _description = "Truck Type"
    _order = "sequence, capacity_kg"

    name = fields.Char(required=True, translate=True)
    capacity_kg = fields.Float(string="Capacity (kg)")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE (name)", "This truck type already exists."),
        (
            "capacity_positive",
            "CHECK (capacity_kg >= 0)",
            "Capacity cannot be negative.",
        ),
    ]
