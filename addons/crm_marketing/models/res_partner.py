from odoo import fields, models

from ..tools import TARGET_READERS


class ResPartner(models.Model):
    _inherit = "res.partner"

    marketing_campaign_count = fields.Integer(
        string="Campaigns",
        compute="_compute_marketing_campaign_count",
        groups="sales_team.group_sale_salesman,crm_marketing.group_marketing_user",
    )
    market_intelligence_count = fields.Integer(
        string="Market Info",
        compute="_compute_market_intelligence_count",
        groups="sales_team.group_sale_salesman,crm_marketing.group_marketing_user",
    )

    # the campaigns that aimed at the customer (a mailing's domain reaches a
    # campaign's targets through it)
    marketing_target_ids = fields.One2many(
        "crm.marketing.target",
        "partner_id",
        string="Campaign Targets",
        groups=TARGET_READERS,
    )

    def _marketing_campaign_groups(self):
        """[(commercial partner, campaign)] pairs of the customers' leads."""
        # sudo: counting which campaigns brought a customer's leads; the campaigns
        # opened from here are read as the user (record rules apply)
        return (
            self.env["crm.marketing.report"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("lead_count", "=", 1),
                    ("company_id", "in", self.env.companies.ids),
                ],
                ["partner_id", "campaign_id"],
            )
        )

    def _compute_marketing_campaign_count(self):
        counts = {}
        for partner, _campaign in self._marketing_campaign_groups():
            counts[partner.id] = counts.get(partner.id, 0) + 1
        for partner in self:
            partner.marketing_campaign_count = counts.get(
                partner.commercial_partner_id.id, 0
            )

    def action_view_marketing_campaigns(self):
        self.ensure_one()
        campaigns = self.env["utm.campaign"].union(
            *(campaign for _partner, campaign in self._marketing_campaign_groups())
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_marketing.utm_campaign_action_marketing"
        )
        action["domain"] = [("id", "in", campaigns.ids)]
        action["context"] = {"create": False}
        return action

    def _compute_market_intelligence_count(self):
        concerning = self.env["crm.market.intelligence"]._concerning(
            self.commercial_partner_id
        )
        for partner in self:
            partner.market_intelligence_count = len(
                concerning.get(partner.commercial_partner_id.id, ())
            )

    def action_view_market_intelligence(self):
        self.ensure_one()
        concerning = self.env["crm.market.intelligence"]._concerning(
            self.commercial_partner_id
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_marketing.crm_market_intelligence_action"
        )
        action["domain"] = [
            ("id", "in", concerning.get(self.commercial_partner_id.id, []))
        ]
        action["context"] = {"default_partner_ids": [self.commercial_partner_id.id]}
        return action
