from odoo import fields, models, tools
from odoo.tools import SQL


class CrmSalesTargetReport(models.Model):
    """One row per sales target with what was actually achieved in its period:
    revenue and gross profit of the orders confirmed by the salesperson (or the
    team), in the company currency, and the customers whose first confirmed order
    falls in the period. An order's day is read in its salesperson's time zone (else
    the company's), so an order confirmed at 1 a.m. in Hanoi on the 1st belongs to
    the new month."""

    _name = "crm.sales.target.report"
    _description = "Target vs Actual"
    _auto = False
    _order = "date_from desc, team_id, user_id"
    _rec_name = "target_id"
    _depends = {
        "crm.sales.target": [
            "company_id",
            "date_from",
            "date_to",
            "period_type",
            "target_gross_profit",
            "target_new_customers",
            "target_revenue",
            "team_id",
            "user_id",
        ],
        "sale.order": [
            "amount_untaxed",
            "company_id",
            "currency_rate",
            "date_order",
            "margin",
            "partner_id",
            "state",
            "team_id",
            "user_id",
        ],
        "res.partner": ["commercial_partner_id", "tz"],
    }

    target_id = fields.Many2one("crm.sales.target", readonly=True)
    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")], string="Period", readonly=True
    )
    date_from = fields.Date(string="From", readonly=True)
    date_to = fields.Date(string="To", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    target_revenue = fields.Monetary(string="Revenue Target", readonly=True)
    actual_revenue = fields.Monetary(string="Revenue", readonly=True)
    revenue_achievement = fields.Float(
        string="Revenue (%)", aggregator="avg", digits=(16, 1), readonly=True
    )
    target_gross_profit = fields.Monetary(string="Gross Profit Target", readonly=True)
    actual_gross_profit = fields.Monetary(string="Gross Profit", readonly=True)
    gross_profit_achievement = fields.Float(
        string="Gross Profit (%)", aggregator="avg", digits=(16, 1), readonly=True
    )
    target_new_customers = fields.Integer(string="New Customers Target", readonly=True)
    actual_new_customers = fields.Integer(string="New Customers", readonly=True)
    new_customers_achievement = fields.Float(
        string="New Customers (%)", aggregator="avg", digits=(16, 1), readonly=True
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    WITH confirmed AS (
                        SELECT so.company_id,
                               so.user_id,
                               so.team_id,
                               customer.commercial_partner_id AS customer_id,
                               (so.date_order AT TIME ZONE 'UTC'
                                   AT TIME ZONE COALESCE(
                                       NULLIF(seller.tz, ''),
                                       NULLIF(company_partner.tz, ''),
                                       'UTC'
                                   ))::date AS order_day,
                               so.amount_untaxed
                                   / COALESCE(NULLIF(so.currency_rate, 0), 1)
                                   AS revenue,
                               COALESCE(so.margin, 0)
                                   / COALESCE(NULLIF(so.currency_rate, 0), 1)
                                   AS gross_profit,
                               so.date_order,
                               so.id
                          FROM sale_order so
                          JOIN res_partner customer ON customer.id = so.partner_id
                          JOIN res_company company ON company.id = so.company_id
                          JOIN res_partner company_partner
                            ON company_partner.id = company.partner_id
                     LEFT JOIN res_users seller_user ON seller_user.id = so.user_id
                     LEFT JOIN res_partner seller ON seller.id = seller_user.partner_id
                         WHERE so.state = 'sale'
                    ),
                    first_orders AS (
                        SELECT DISTINCT ON (company_id, customer_id) *
                          FROM confirmed
                      ORDER BY company_id, customer_id, date_order, id
                    )
                    SELECT target.id,
                           target.id AS target_id,
                           target.period_type,
                           target.date_from,
                           target.date_to,
                           target.user_id,
                           target.team_id,
                           target.company_id,
                           company.currency_id,
                           target.target_revenue,
                           target.target_gross_profit,
                           target.target_new_customers,
                           COALESCE(orders.revenue, 0) AS actual_revenue,
                           COALESCE(orders.gross_profit, 0) AS actual_gross_profit,
                           COALESCE(newcomers.customers, 0) AS actual_new_customers,
                           %s AS revenue_achievement,
                           %s AS gross_profit_achievement,
                           %s AS new_customers_achievement
                      FROM crm_sales_target target
                      JOIN res_company company ON company.id = target.company_id
                 LEFT JOIN LATERAL (
                        SELECT SUM(confirmed.revenue) AS revenue,
                               SUM(confirmed.gross_profit) AS gross_profit
                          FROM confirmed
                         WHERE %s
                    ) orders ON TRUE
                 LEFT JOIN LATERAL (
                        SELECT COUNT(*) AS customers
                          FROM first_orders confirmed
                         WHERE %s
                    ) newcomers ON TRUE
                )
                """,
                SQL.identifier(self._table),
                self._achievement_sql("orders.revenue", "target.target_revenue"),
                self._achievement_sql(
                    "orders.gross_profit", "target.target_gross_profit"
                ),
                self._achievement_sql(
                    "newcomers.customers", "target.target_new_customers"
                ),
                self._in_target_sql(),
                self._in_target_sql(),
            )
        )

    def _achievement_sql(self, actual, target):
        return SQL(
            "ROUND((100.0 * COALESCE(%s, 0) / NULLIF(%s, 0))::numeric, 1)",
            SQL(actual),
            SQL(target),
        )

    def _in_target_sql(self):
        """The orders counting for a target: of its company and period, by its
        salesperson, or by anyone in its team or the teams under it (a branch's
        target counts its departments' and teams' orders) for a team target."""
        return SQL(
            """
            confirmed.company_id = target.company_id
            AND confirmed.order_day BETWEEN target.date_from AND target.date_to
            AND CASE WHEN target.user_id IS NOT NULL
                     THEN confirmed.user_id = target.user_id
                     ELSE confirmed.team_id IN (
                        SELECT sub_team.id
                          FROM crm_team target_team
                          JOIN crm_team sub_team
                            ON sub_team.parent_path LIKE target_team.parent_path || %s
                         WHERE target_team.id = target.team_id
                     ) END
            """,
            "%",
        )
