from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.crm_customer.tools import classification_levels_sql

from ..tools import FIGURE_GROUPS
from .crm_marketing_report import CrmMarketingReport


class CrmMarketingClassificationReport(models.Model):
    """Campaign results by the customers' classifications: each lead of
    crm.marketing.report once per classification value of its customer, with the
    value's first two ancestors, so a pivot by region or industry shows where the
    campaigns' leads and wins came from."""

    _name = "crm.marketing.classification.report"
    _description = "Campaign Results by Classification"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"
    _depends = {
        **CrmMarketingReport._depends,
        "res.partner": [
            *CrmMarketingReport._depends["res.partner"],
            "classification_ids",
        ],
        "crm.customer.classification": ["criterion_id", "parent_path"],
    }

    date = fields.Date(readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    plan_id = fields.Many2one("crm.marketing.plan", string="Market Plan", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    criterion_id = fields.Many2one("crm.customer.criterion", readonly=True)
    classification_id = fields.Many2one(
        "crm.customer.classification", string="Value", readonly=True
    )
    level1_id = fields.Many2one(
        "crm.customer.classification", string="Level 1", readonly=True
    )
    level2_id = fields.Many2one(
        "crm.customer.classification", string="Level 2", readonly=True
    )
    lead_count = fields.Integer(string="Leads", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    won_revenue = fields.Monetary(readonly=True, groups=FIGURE_GROUPS)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # the results' own rows (one definition of each figure), not a view on their
        # view: updating a module that extends crm.marketing.report re-creates it
        results = self.env["crm.marketing.report"]._query()
        levels, level_joins = classification_levels_sql(SQL("result.partner_id"))
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT row_number() OVER (
                               ORDER BY result.id, rel.classification_id
                           ) AS id,
                           result.date,
                           result.campaign_id,
                           result.plan_id,
                           result.team_id,
                           result.user_id,
                           result.company_id,
                           result.currency_id,
                           result.partner_id,
                           %s,
                           result.lead_count,
                           result.opportunity_count,
                           result.won_count,
                           result.won_revenue
                      FROM (%s) result
                      %s
                     WHERE result.lead_count = 1
                )
                """,
                SQL.identifier(self._table),
                levels,
                results,
                level_joins,
            )
        )
