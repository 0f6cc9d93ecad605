from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.crm_customer.tools import classification_levels_sql


class CrmMarketingMarketReport(models.Model):
    """Market analysis (市场分析): confirmed orders by the customer's classification
    values and their first two ancestors, so a pivot by region or industry over months
    shows which market grows. One row per order and classification value of its
    customer: an order counts once under each criterion."""

    _name = "crm.marketing.market.report"
    _description = "Market Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "partner_id"
    _depends = {
        "sale.order": [
            "amount_untaxed",
            "campaign_id",
            "company_id",
            "currency_rate",
            "date_order",
            "partner_id",
            "state",
            "team_id",
            "user_id",
        ],
        "res.partner": ["classification_ids", "commercial_partner_id"],
        "crm.customer.classification": ["criterion_id", "parent_path"],
    }

    date = fields.Date(string="Order Date", readonly=True)
    order_id = fields.Many2one("sale.order", readonly=True)
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
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True, aggregator="sum")
    amount = fields.Monetary(
        string="Revenue",
        readonly=True,
        help="Untaxed amount of the confirmed orders, in the company currency.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        levels, level_joins = classification_levels_sql(SQL("customer.id"))
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT row_number() OVER (
                               ORDER BY so.id, rel.classification_id
                           ) AS id,
                           so.date_order::date AS date,
                           so.id AS order_id,
                           customer.id AS partner_id,
                           %s,
                           so.campaign_id,
                           so.team_id,
                           so.user_id,
                           so.company_id,
                           company.currency_id,
                           1 AS order_count,
                           so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)
                               AS amount
                      FROM sale_order so
                      JOIN res_partner partner ON partner.id = so.partner_id
                      JOIN res_partner customer
                        ON customer.id = partner.commercial_partner_id
                      JOIN res_company company ON company.id = so.company_id
                      %s
                     WHERE so.state = 'sale'
                )
                """,
                SQL.identifier(self._table),
                levels,
                level_joins,
            )
        )
