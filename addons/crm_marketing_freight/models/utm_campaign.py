from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_freight_pricing.tools import FREIGHT_MODES


class UtmCampaign(models.Model):
    """The service a forwarder's campaign promotes: a mode on a lane ("new weekly
    service Cát Lái → Busan")."""

    _inherit = "utm.campaign"

    freight_mode = fields.Selection(FREIGHT_MODES, string="Mode Promoted")
    origin_location_id = fields.Many2one(
        "freight.location", string="Lane Origin", index="btree_not_null"
    )
    destination_location_id = fields.Many2one(
        "freight.location", string="Lane Destination", index="btree_not_null"
    )

    @api.constrains("origin_location_id", "destination_location_id")
    def _check_lane(self):
        for campaign in self:
            origin = campaign.origin_location_id
            if origin and origin == campaign.destination_location_id:
                raise ValidationError(
                    self.env._(
                        "The lane of campaign %(name)s goes from %(place)s to itself.",
                        name=campaign.title,
                        place=origin.display_name,
                    )
                )

    def _get_opportunity_defaults(self):
        """What an opportunity opened for the campaign starts with."""
        self.ensure_one()
        return {
            "default_freight_mode": self.freight_mode,
            "default_origin_location_id": self.origin_location_id.id,
            "default_destination_location_id": self.destination_location_id.id,
        }
