from odoo import fields, models

from odoo.addons.crm_marketing.tools import FIGURE_GROUPS


class UtmCampaign(models.Model):
    _inherit = "utm.campaign"

    marketing_quotation_count = fields.Integer(
        string="Quotations", compute="_compute_sales_results"
    )
    marketing_order_count = fields.Integer(
        string="Won Orders", compute="_compute_sales_results"
    )
    order_amount = fields.Monetary(
        string="Ordered",
        compute="_compute_sales_results",
        groups=FIGURE_GROUPS,
        help="Untaxed amount of the confirmed orders that carry the campaign.",
    )
    won_gross_profit = fields.Monetary(
        compute="_compute_sales_results",
        groups=FIGURE_GROUPS,
        help="Expected profit of the campaign's won opportunities.",
    )
    gross_profit_roi = fields.Float(
        string="ROI on Gross Profit",
        compute="_compute_sales_results",
        groups=FIGURE_GROUPS,
        help="(Won gross profit - cost) / cost: what a forwarder's campaign earned, "
        "not what it turned over.",
    )

    def _compute_sales_results(self):
        figures = self.env["crm.marketing.report"]._campaign_sales_figures(self)
        for campaign in self:
            values = figures.get(campaign._origin.id, {})
            campaign.marketing_quotation_count = values.get("quotation_count", 0)
            campaign.marketing_order_count = values.get("order_count", 0)
            profit = values.get("won_gross_profit", 0.0)
            cost = campaign.cost_total
            campaign.order_amount = values.get("order_amount", 0.0)
            campaign.won_gross_profit = profit
            campaign.gross_profit_roi = (profit - cost) / cost if cost else 0.0
