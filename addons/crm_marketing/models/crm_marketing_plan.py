from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FIGURE_GROUPS

PERIOD_MONTHS = {"quarter": 3, "year": 12}


class CrmMarketingPlan(models.Model):
    _name = "crm.marketing.plan"
    _description = "Market Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    period = fields.Selection(
        [("quarter", "Quarter"), ("year", "Year")], required=True, default="quarter"
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(
        string="End Date",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", check_company=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    description = fields.Html()
    campaign_ids = fields.One2many("utm.campaign", "plan_id", string="Campaigns")
    campaign_count = fields.Integer(compute="_compute_campaign_count")
    # Objectives
    budget = fields.Monetary(groups=FIGURE_GROUPS, tracking=True)
    target_lead_count = fields.Integer(string="New Leads Objective")
    target_opportunity_count = fields.Integer(string="Opportunities Objective")
    target_customer_count = fields.Integer(string="New Customers Objective")
    target_won_revenue = fields.Monetary(
        string="Won Revenue Objective", groups=FIGURE_GROUPS
    )
    target_gross_profit = fields.Monetary(
        string="Gross Profit Objective",
        groups=FIGURE_GROUPS,
        help="Its actual comes with the sales pipeline's bridge (expected and won "
        "profit of the campaigns' opportunities).",
    )
    # Actuals (crm.marketing.report: one grouped read for the whole recordset)
    lead_count = fields.Integer(string="Leads", compute="_compute_results")
    opportunity_count = fields.Integer(
        string="Opportunities", compute="_compute_results"
    )
    customer_count = fields.Integer(
        string="New Customers",
        compute="_compute_results",
        help="Customers with a won opportunity from the plan's campaigns.",
    )
    won_revenue = fields.Monetary(compute="_compute_results", groups=FIGURE_GROUPS)
    cost_total = fields.Monetary(
        string="Cost", compute="_compute_results", groups=FIGURE_GROUPS
    )
    roi = fields.Float(
        string="ROI",
        compute="_compute_results",
        groups=FIGURE_GROUPS,
        help="(Won revenue - cost) / cost.",
    )

    @api.depends("period", "date_start")
    def _compute_date_end(self):
        for plan in self:
            if plan.date_start:
                plan.date_end = (
                    plan.date_start
                    + relativedelta(months=PERIOD_MONTHS[plan.period or "quarter"])
                    - relativedelta(days=1)
                )

    def _compute_campaign_count(self):
        counts = dict(
            self.env["utm.campaign"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.campaign_count = counts.get(plan, 0)

    def _compute_results(self):
        figures = self.env["crm.marketing.report"]._plan_figures(self)
        for plan in self:
            values = figures.get(plan._origin.id, {})
            won, cost = values.get("won_revenue", 0.0), values.get("cost", 0.0)
            plan.lead_count = values.get("lead_count", 0)
            plan.opportunity_count = values.get("opportunity_count", 0)
            plan.customer_count = values.get("customer_count", 0)
            plan.won_revenue = won
            plan.cost_total = cost
            plan.roi = (won - cost) / cost if cost else 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self:
            if plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The market plan %(name)s cannot end before it starts.",
                        name=plan.name,
                    )
                )

    @api.constrains(
        "budget",
        "target_lead_count",
        "target_opportunity_count",
        "target_customer_count",
        "target_won_revenue",
        "target_gross_profit",
    )
    def _check_amounts(self):
        # sudo: the money fields are group-restricted; the check holds for everyone
        for plan in self.sudo():
            if (
                min(
                    plan.budget,
                    plan.target_lead_count,
                    plan.target_opportunity_count,
                    plan.target_customer_count,
                    plan.target_won_revenue,
                    plan.target_gross_profit,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The budget and objectives of market plan %(name)s cannot be "
                        "negative.",
                        name=plan.name,
                    )
                )

    def action_view_campaigns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_marketing.utm_campaign_action_marketing"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {
            "default_plan_id": self.id,
            "default_team_id": self.team_id.id,
        }
        return action
