from odoo import api, fields, models
from odoo.exceptions import ValidationError

# a side under 1 cm or over 15 m is a unit mistake (metres or millimetres typed)
MIN_SIDE_CM, MAX_SIDE_CM = 1.0, 1500.0


class SaleOrderFreightPackage(models.Model):
    _name = "sale.order.freight.package"
    _description = "Package Dimensions of a Freight Quotation"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
    package_count = fields.Integer(string="Packages", default=1, required=True)
    length_cm = fields.Float(string="Length (cm)", required=True)
    width_cm = fields.Float(string="Width (cm)", required=True)
    height_cm = fields.Float(string="Height (cm)", required=True)
    volume = fields.Float(
        string="Volume (m³)", compute="_compute_volume", store=True, digits=(16, 3)
    )

    _sql_constraints = [
        (
            "package_count_positive",
            "CHECK (package_count > 0)",
            "Packages must be positive.",
        ),
    ]

    @api.depends("package_count", "length_cm", "width_cm", "height_cm")
    def _compute_volume(self):
        for package in self:
            package.volume = (
                package.package_count
                * package.length_cm
                * package.width_cm
                * package.height_cm
                / 1_000_000
            )

    @api.constrains("length_cm", "width_cm", "height_cm")
    def _check_sides(self):
        for package in self:
            for side in (package.length_cm, package.width_cm, package.height_cm):
                if not MIN_SIDE_CM <= side <= MAX_SIDE_CM:
                    raise ValidationError(
                        self.env._(
                            "Dimensions are in centimetres: %(side)s cm looks like "
                            "metres or millimetres.",
                            side=side,
                        )
                    )
