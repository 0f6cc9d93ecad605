from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import FREIGHT_MODES

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class FreightProfitReport(models.Model):
    """Per confirmed freight order: the profit expected on the opportunity, the
    margin quoted and the margin invoiced so far, in the company's currency."""

    _name = "freight.profit.report"
    _description = "Freight Profit Analysis"
    _auto = False
    _order = "date_order desc"
    _rec_name = "order_id"

    order_id = fields.Many2one("sale.order", readonly=True)
    date_order = fields.Datetime(string="Order Date", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    freight_mode = fields.Selection(FREIGHT_MODES, string="Mode", readonly=True)
    origin_location_id = fields.Many2one(
        "freight.location", string="Origin", readonly=True
    )
    destination_location_id = fields.Many2one(
        "freight.location", string="Destination", readonly=True
    )
    expected_profit = fields.Monetary(readonly=True, groups=COST_GROUP)
    quoted_margin = fields.Monetary(readonly=True, groups=COST_GROUP)
    invoiced_margin = fields.Monetary(readonly=True, groups=COST_GROUP)
    margin_variance = fields.Monetary(
        string="Variance",
        readonly=True,
        groups=COST_GROUP,
        help="Invoiced margin minus quoted margin.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # order amounts are in the order's currency, at the rate of its date
        rate = SQL("COALESCE(NULLIF(so.currency_rate, 0), 1.0)")
        quoted = SQL("COALESCE(SUM(line.margin), 0.0) / %s", rate)
        invoiced = SQL(
            "COALESCE(SUM(line.untaxed_amount_invoiced"
            " - line.qty_invoiced * line.purchase_price), 0.0) / %s",
            rate,
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT so.id,
                           so.id AS order_id,
                           so.date_order,
                           so.partner_id,
                           so.user_id,
                           so.team_id,
                           so.company_id,
                           company.currency_id,
                           so.freight_mode,
                           so.origin_location_id,
                           so.destination_location_id,
                           COALESCE(lead.expected_profit, 0.0) AS expected_profit,
                           %(quoted)s AS quoted_margin,
                           %(invoiced)s AS invoiced_margin,
                           %(invoiced)s - %(quoted)s AS margin_variance
                      FROM sale_order so
                      JOIN res_company company ON company.id = so.company_id
                      LEFT JOIN crm_lead lead ON lead.id = so.opportunity_id
                      LEFT JOIN sale_order_line line
                             ON line.order_id = so.id AND line.display_type IS NULL
                     WHERE so.state = 'sale' AND so.freight_mode IS NOT NULL
                     GROUP BY so.id, company.currency_id, lead.expected_profit
                )
                """,
                table=SQL.identifier(self._table),
                quoted=quoted,
                invoiced=invoiced,
            )
        )
