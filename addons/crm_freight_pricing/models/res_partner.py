from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_shipping_line = fields.Boolean(string="Shipping Line")
    is_airline = fields.Boolean(string="Airline")
    is_coloader = fields.Boolean(string="Co-loader")
    is_trucker = fields.Boolean(string="Trucking Company")
    is_carrier = fields.Boolean(
        string="Carrier",
        compute="_compute_is_carrier",
        store=True,
        index=True,
        help="Shipping line, airline, co-loader or trucking company.",
    )

    @api.depends("is_shipping_line", "is_airline", "is_coloader", "is_trucker")
    def _compute_is_carrier(self):
        for partner in self:
            partner.is_carrier = (
                partner.is_shipping_line
                or partner.is_airline
                or partner.is_coloader
                or partner.is_trucker
            )
