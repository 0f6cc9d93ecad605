from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class FreightRateMarkup(models.Model):
    """A rate promotion: Pricing's lower sell-floor markup for the lane a campaign
    promotes, for shipments within the campaign's period while it runs."""

    _inherit = "freight.rate.markup"

    campaign_id = fields.Many2one(
        "utm.campaign",
        string="Promotion of Campaign",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        help="A promotion: this markup applies to shipments within the campaign's "
        "period while the campaign runs, and only when it is below the markup that "
        "applies otherwise (a promotion never raises the sell floor).",
    )
    targets_only = fields.Boolean(
        string="Campaign Targets Only",
        default=True,
        help="The promotion applies only to quotations for the customers the "
        "campaign aimed at (its targets, frozen when it started).",
    )

    @api.depends("campaign_id")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        for markup in self.filtered("campaign_id"):
            markup.display_name = f"{markup.display_name} ({markup.campaign_id.title})"
        return res

    @api.constrains("campaign_id", "freight_mode")
    def _check_campaign_mode(self):
        for markup in self.filtered("campaign_id"):
            mode = markup.campaign_id.freight_mode
            if mode and mode != markup.freight_mode:
                raise ValidationError(
                    self.env._(
                        "The promotion %(scope)s is not for the mode campaign "
                        "%(campaign)s promotes.",
                        scope=markup.display_name,
                        campaign=markup.campaign_id.title,
                    )
                )

    @api.constrains("campaign_id")
    def _check_unique_campaign_scope(self):
        self._check_unique_scope()

    def _scope_domain(self):
        # a campaign's promotion sits beside the regular markup of its scope
        return [*super()._scope_domain(), ("campaign_id", "=", self.campaign_id.id)]

    @api.model
    def _candidate_domain(self, keys, date, partner):
        audience = [("targets_only", "=", False)]
        if partner:
            audience = expression.OR(
                [audience, [("campaign_id.target_ids.partner_id", "=", partner.id)]]
            )
        promotion = expression.AND(
            [
                [
                    ("campaign_id.state", "=", "running"),
                    ("campaign_id.date_start", "<=", date),
                ],
                [
                    "|",
                    ("campaign_id.date_end", "=", False),
                    ("campaign_id.date_end", ">=", date),
                ],
                audience,
            ]
        )
        return expression.AND(
            [
                super()._candidate_domain(keys, date, partner),
                expression.OR([[("campaign_id", "=", False)], promotion]),
            ]
        )

    def _pick(self):
        promotions = self.filtered("campaign_id")
        regular = self - promotions
        if not promotions:
            return super()._pick()
        promotion = super(FreightRateMarkup, promotions)._pick()
        if not regular:
            return promotion
        usual = super(FreightRateMarkup, regular)._pick()
        return promotion if promotion.markup_percent < usual.markup_percent else usual
