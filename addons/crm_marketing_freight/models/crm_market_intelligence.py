from odoo import fields, models


class CrmMarketIntelligence(models.Model):
    """Market information about a lane ("GRI on Cát Lái → Busan in January")."""

    _inherit = "crm.market.intelligence"

    origin_location_id = fields.Many2one(
        "freight.location", string="Lane Origin", index="btree_not_null"
    )
    destination_location_id = fields.Many2one(
        "freight.location", string="Lane Destination", index="btree_not_null"
    )
