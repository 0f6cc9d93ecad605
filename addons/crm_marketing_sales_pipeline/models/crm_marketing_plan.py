from odoo import fields, models

from odoo.addons.crm_marketing.tools import FIGURE_GROUPS


class CrmMarketingPlan(models.Model):
    _inherit = "crm.marketing.plan"

    won_gross_profit = fields.Monetary(
        compute="_compute_won_gross_profit",
        groups=FIGURE_GROUPS,
        help="Expected profit of the won opportunities of the plan's campaigns, "
        "against the gross profit objective.",
    )
    order_amount = fields.Monetary(
        string="Ordered",
        compute="_compute_won_gross_profit",
        groups=FIGURE_GROUPS,
        help="Untaxed amount of the confirmed orders of the plan's campaigns.",
    )

    def _compute_won_gross_profit(self):
        campaigns = self.env["utm.campaign"].search(
            [("plan_id", "in", self._origin.ids)]
        )
        figures = self.env["crm.marketing.report"]._campaign_sales_figures(campaigns)
        totals = {}
        for campaign in campaigns:
            values = figures.get(campaign.id, {})
            plan_totals = totals.setdefault(campaign.plan_id.id, [0.0, 0.0])
            to_plan = campaign.plan_id.currency_id
            for index, key in enumerate(("won_gross_profit", "order_amount")):
                plan_totals[index] += campaign.currency_id._convert(
                    values.get(key, 0.0),
                    to_plan,
                    campaign.plan_id.company_id,
                    fields.Date.context_today(self),
                )
        for plan in self:
            profit, ordered = totals.get(plan._origin.id, (0.0, 0.0))
            plan.won_gross_profit = profit
            plan.order_amount = ordered
