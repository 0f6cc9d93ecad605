from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import FIGURE_GROUPS

# Aggregates read by the campaign and plan figures: each figure is defined once, in
# the view's SQL, and everything else sums it.
AGGREGATES = (
    "lead_count:sum",
    "opportunity_count:sum",
    "won_count:sum",
    "won_revenue:sum",
    "cost:sum",
    "won_partner_id:count_distinct",
    "task_count:sum",
    "task_done_count:sum",
)


class CrmMarketingReport(models.Model):
    _name = "crm.marketing.report"
    _description = "Marketing Results"
    _auto = False
    _order = "date desc"
    # what the view reads: flushed before each query on it
    _depends = {
        "crm.lead": [
            "active",
            "campaign_id",
            "company_id",
            "create_date",
            "expected_revenue",
            "partner_id",
            "stage_id",
            "team_id",
            "type",
            "user_id",
        ],
        "crm.marketing.cost": ["amount_company", "campaign_id", "company_id", "date"],
        "crm.customer.interaction": [
            "campaign_id",
            "company_id",
            "date_start",
            "partner_id",
            "state",
            "user_id",
        ],
        "utm.campaign": ["company_id", "plan_id", "team_id", "user_id"],
        "res.partner": ["commercial_partner_id"],
        "crm.stage": ["is_won"],
    }

    date = fields.Date(readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    plan_id = fields.Many2one("crm.marketing.plan", string="Market Plan", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    won_partner_id = fields.Many2one(
        "res.partner", string="Won Customer", readonly=True
    )
    lead_count = fields.Integer(string="Leads", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    won_revenue = fields.Monetary(readonly=True, groups=FIGURE_GROUPS)
    cost = fields.Monetary(readonly=True, groups=FIGURE_GROUPS)
    task_count = fields.Integer(string="Salesperson Tasks", readonly=True)
    task_done_count = fields.Integer(string="Tasks Done", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT lead.id * 3 AS id,
                   lead.create_date::date AS date,
                   lead.campaign_id,
                   campaign.plan_id,
                   COALESCE(lead.team_id, campaign.team_id) AS team_id,
                   lead.user_id,
                   company.id AS company_id,
                   company.currency_id,
                   partner.commercial_partner_id AS partner_id,
                   CASE WHEN stage.is_won AND lead.active
                        THEN partner.commercial_partner_id END AS won_partner_id,
                   1 AS lead_count,
                   (lead.type = 'opportunity')::int AS opportunity_count,
                   (stage.is_won IS TRUE AND lead.active)::int AS won_count,
                   CASE WHEN stage.is_won AND lead.active
                        THEN COALESCE(lead.expected_revenue, 0) ELSE 0 END
                        AS won_revenue,
                   0 AS cost,
                   0 AS task_count,
                   0 AS task_done_count
              FROM crm_lead lead
              JOIN utm_campaign campaign ON campaign.id = lead.campaign_id
              JOIN res_company company
                ON company.id = COALESCE(lead.company_id, campaign.company_id)
              LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
              LEFT JOIN res_partner partner ON partner.id = lead.partner_id
            UNION ALL
            SELECT cost.id * 3 + 1 AS id,
                   cost.date,
                   cost.campaign_id,
                   campaign.plan_id,
                   campaign.team_id,
                   campaign.user_id,
                   cost.company_id,
                   company.currency_id,
                   NULL AS partner_id,
                   NULL AS won_partner_id,
                   0 AS lead_count,
                   0 AS opportunity_count,
                   0 AS won_count,
                   0 AS won_revenue,
                   cost.amount_company AS cost,
                   0 AS task_count,
                   0 AS task_done_count
              FROM crm_marketing_cost cost
              JOIN utm_campaign campaign ON campaign.id = cost.campaign_id
              JOIN res_company company ON company.id = cost.company_id
            UNION ALL
            SELECT task.id * 3 + 2 AS id,
                   task.date_start::date AS date,
                   task.campaign_id,
                   campaign.plan_id,
                   campaign.team_id,
                   task.user_id,
                   company.id AS company_id,
                   company.currency_id,
                   task.partner_id,
                   NULL AS won_partner_id,
                   0 AS lead_count,
                   0 AS opportunity_count,
                   0 AS won_count,
                   0 AS won_revenue,
                   0 AS cost,
                   1 AS task_count,
                   (task.state = 'done')::int AS task_done_count
              FROM crm_customer_interaction task
              JOIN utm_campaign campaign ON campaign.id = task.campaign_id
              JOIN res_company company
                ON company.id = COALESCE(task.company_id, campaign.company_id)
             WHERE task.state != 'cancelled'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _figures(self, groupby, records):
        """{record id: {figure: value}} for ``records`` (campaigns or plans), in each
        record's currency, from one grouped read whatever their number."""
        ids = [record_id for record_id in records._origin.ids if record_id]
        if not ids:
            return {}
        # sudo: marketing staff need not read leads to count them; the money fields
        # stay group-restricted on the campaign and plan, and the company is the user's
        rows = self.sudo()._read_group(
            [(groupby, "in", ids), ("company_id", "in", self.env.companies.ids)],
            [groupby, "currency_id"],
            AGGREGATES,
        )
        target = {record._origin.id: record.currency_id for record in records}
        today = fields.Date.context_today(self)
        figures = {}
        for record, currency, *values in rows:
            leads, opportunities, won, revenue, cost, customers, tasks, done = values
            to_currency = target.get(record.id) or currency

            def convert(amount, currency=currency, to_currency=to_currency):
                return currency._convert(amount, to_currency, self.env.company, today)

            result = figures.setdefault(
                record.id,
                dict.fromkeys(
                    (
                        "lead_count",
                        "opportunity_count",
                        "won_count",
                        "customer_count",
                        "task_count",
                        "task_done_count",
                    ),
                    0,
                )
                | {"won_revenue": 0.0, "cost": 0.0},
            )
            result["lead_count"] += leads
            result["opportunity_count"] += opportunities
            result["won_count"] += won
            result["customer_count"] += customers
            result["task_count"] += tasks
            result["task_done_count"] += done
            result["won_revenue"] += convert(revenue)
            result["cost"] += convert(cost)
        return figures

    def _campaign_figures(self, campaigns):
        return self._figures("campaign_id", campaigns)

    def _plan_figures(self, plans):
        return self._figures("plan_id", plans)
