from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import TARGET_READERS


class UtmCampaign(models.Model):
    """The campaign's audience (crm_customer's audience mixin, shared with care
    campaigns), frozen into targets when the campaign starts."""

    _name = "utm.campaign"
    _inherit = ["utm.campaign", "crm.customer.audience.mixin"]

    excluded_partner_ids = fields.Many2many(
        relation="utm_campaign_excluded_partner_rel"
    )
    # only for the roles that may read targets (the rest open the campaign without them)
    target_ids = fields.One2many(
        "crm.marketing.target", "campaign_id", "Targets", groups=TARGET_READERS
    )
    target_count = fields.Integer(
        string="Targeted", compute="_compute_target_count", groups=TARGET_READERS
    )

    @api.depends("target_ids")
    def _compute_target_count(self):
        groups = self.env["crm.marketing.target"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
        )
        counts = {campaign.id: count for campaign, count in groups}
        for campaign in self:
            campaign.target_count = counts.get(campaign.id, 0)

    def _check_can_start(self):
        result = super()._check_can_start()
        self._check_audience_criteria()
        limit = self.company_id.marketing_audience_limit
        if limit and self.audience_count > limit:
            raise UserError(
                self.env._(
                    "The audience of %(name)s counts %(count)s customers, more than "
                    "the %(limit)s your company allows for one campaign. Narrow the "
                    "criteria or ask an administrator to raise the limit.",
                    name=self.title,
                    count=self.audience_count,
                    limit=limit,
                )
            )
        if not self.audience_count:
            raise UserError(
                self.env._(
                    "No customer matches the audience of %(name)s: widen the criteria "
                    "or add customers by hand before starting it.",
                    name=self.title,
                )
            )
        return result

    def _on_start(self):
        result = super()._on_start()
        self._freeze_targets()
        return result

    def _freeze_targets(self):
        """Write the audience down as targets: one search for the customers, one for
        the opted-out e-mails, one batch insert, whatever the audience's size."""
        self.ensure_one()
        self.target_ids.unlink()  # a campaign started again aims at today's audience
        partners = self._get_audience_partners()
        self.env["crm.marketing.target"].create(self._prepare_target_values(partners))

    def _prepare_target_values(self, partners):
        """One target's values per partner, in the partners' order. Hook: a module
        adds a value to each (the salesperson's task...) by extending the list."""
        opted_out = set(
            partners.search(
                [("id", "in", partners.ids), ("is_blacklisted", "=", True)]
            ).ids
        )
        return [
            {
                "campaign_id": self.id,
                "partner_id": partner.id,
                "user_id": partner.user_id.id,
                "email_opt_out": partner.id in opted_out,
            }
            for partner in partners
        ]

    def action_view_targets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_marketing.crm_marketing_target_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
