from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import (
    DEFAULT_VOLUME_FACTORS,
    FREIGHT_MODES,
    chargeable_weight,
    revenue_tons,
)


class FreightShipmentMixin(models.AbstractModel):
    """What is shipped, from where to where: shared by the rate search, quotations,
    inquiries and booking requests. Models using it define ``container_line_ids``
    (lines with ``container_type_id`` and ``quantity``)."""

    _name = "freight.shipment.mixin"
    _description = "Freight Shipment"

    freight_mode = fields.Selection(FREIGHT_MODES, string="Mode")
    origin_location_id = fields.Many2one("freight.location", string="Origin")
    destination_location_id = fields.Many2one("freight.location", string="Destination")
    shipment_date = fields.Date(
        string="Shipment Date (ETD)",
        help="The sailing or flight date: it decides which buy rates apply.",
    )
    commodity = fields.Char()
    package_count = fields.Integer(string="Packages")
    gross_weight = fields.Float(string="Gross Weight (kg)", digits=(16, 2))
    cargo_volume = fields.Float(string="Volume (m³)", digits=(16, 3))
    vehicle_type_id = fields.Many2one("freight.vehicle.type", string="Truck Type")
    trip_count = fields.Integer(string="Trips", default=1)
    chargeable_weight = fields.Float(
        string="Chargeable Weight (kg)",
        compute="_compute_chargeable_quantities",
        digits=(16, 2),
        help="Air: the greater of gross weight and volume weight (1 m³ = 166.67 kg), "
        "rounded up to 0.5 kg. Road: 1 m³ = 333 kg.",
    )
    revenue_tons = fields.Float(
        string="W/M",
        compute="_compute_chargeable_quantities",
        digits=(16, 3),
        help="Sea LCL revenue tons: the greater of tonnes and cubic metres.",
    )

    @api.depends("freight_mode", "gross_weight", "cargo_volume")
    def _compute_chargeable_quantities(self):
        for shipment in self:
            factor = DEFAULT_VOLUME_FACTORS.get(shipment.freight_mode) or 0.0
            shipment.chargeable_weight = chargeable_weight(
                shipment.gross_weight, shipment.cargo_volume, factor
            )
            shipment.revenue_tons = revenue_tons(
                shipment.gross_weight, shipment.cargo_volume
            )

    @api.constrains("gross_weight", "cargo_volume", "package_count", "trip_count")
    def _check_cargo_figures(self):
        for shipment in self:
            if (
                min(shipment.gross_weight, shipment.cargo_volume) < 0
                or min(shipment.package_count, shipment.trip_count) < 0
            ):
                raise ValidationError(
                    self.env._("Weight, volume, packages and trips cannot be negative.")
                )

    @api.constrains("origin_location_id", "destination_location_id")
    def _check_shipment_lane(self):
        for shipment in self:
            if (
                shipment.origin_location_id
                and shipment.origin_location_id == shipment.destination_location_id
            ):
                raise ValidationError(self.env._("Origin and destination must differ."))

    def _get_container_quantities(self):
        """{container type: number of containers} of this shipment."""
        self.ensure_one()
        quantities = {}
        for line in self.container_line_ids:
            quantities[line.container_type_id] = (
                quantities.get(line.container_type_id, 0) + line.quantity
            )
        return quantities

    def _get_shipment_values(self):
        """The shipment's fields, to carry it to another document."""
        self.ensure_one()
        values = {
            name: self[name]
            for name in (
                "freight_mode",
                "origin_location_id",
                "destination_location_id",
                "shipment_date",
                "commodity",
                "package_count",
                "gross_weight",
                "cargo_volume",
                "vehicle_type_id",
                "trip_count",
            )
        }
        values = self._convert_to_write(values)
        values["container_line_ids"] = [
            fields.Command.create({"container_type_id": ctype.id, "quantity": quantity})
            for ctype, quantity in self._get_container_quantities().items()
        ]
        return values
