from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_freight_pricing.tools import FREIGHT_MODES

COST_GROUP = "crm_freight_pricing.group_freight_cost"


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

    rate_promotion_ids = fields.One2many(
        "freight.rate.markup",
        "campaign_id",
        string="Rate Promotions",
        groups=COST_GROUP,
        help="Pricing's lower sell-floor markups for the campaign's period.",
    )
    rate_promotion_count = fields.Integer(
        compute="_compute_rate_promotion_count", groups=COST_GROUP
    )

    @api.depends("rate_promotion_ids")
    def _compute_rate_promotion_count(self):
        counts = dict(
            self.env["freight.rate.markup"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.rate_promotion_count = counts.get(campaign._origin, 0)

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

    def action_view_rate_promotions(self):
        """Pricing's promotions for the campaign; new ones start on its lane."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_rate_markup_action"
        )
        action["name"] = self.env._("Rate Promotions")
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {
            "default_campaign_id": self.id,
            "default_company_id": self.company_id.id or self.env.company.id,
            "default_freight_mode": self.freight_mode,
            "default_origin_id": self.origin_location_id.id,
            "default_destination_id": self.destination_location_id.id,
        }
        return action
