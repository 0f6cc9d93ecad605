from odoo import fields, models


class FreightRateSearchContainer(models.TransientModel):
    _name = "freight.rate.search.container"
    _inherit = ["freight.shipment.container.mixin"]
    _description = "Containers of a Rate Search"

    search_id = fields.Many2one(
        "freight.rate.search", required=True, ondelete="cascade"
    )
