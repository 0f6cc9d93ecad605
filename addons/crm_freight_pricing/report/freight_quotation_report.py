from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools import FREIGHT_MODES


class FreightQuotationReport(models.Model):
    """One row per decided freight quotation: confirmed (won), or cancelled or
    expired (lost). The average of ``success_rate`` is the share won."""

    _name = "freight.quotation.report"
    _description = "Freight Quotation Success"
    _auto = False
    _order = "date_order desc"
    _rec_name = "order_id"
    _depends = {
        "sale.order": [
            "active",
            "amount_untaxed",
            "company_id",
            "currency_rate",
            "date_order",
            "destination_location_id",
            "freight_mode",
            "margin",
            "origin_location_id",
            "partner_id",
            "state",
            "team_id",
            "user_id",
            "validity_expired",
        ],
        "res.partner": ["commercial_partner_id"],
    }

    order_id = fields.Many2one("sale.order", string="Quotation", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    freight_mode = fields.Selection(FREIGHT_MODES, string="Mode", readonly=True)
    origin_location_id = fields.Many2one(
        "freight.location", string="Origin", readonly=True
    )
    destination_location_id = fields.Many2one(
        "freight.location", string="Destination", readonly=True
    )
    date_order = fields.Datetime(string="Quotation Date", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    success_rate = fields.Float(
        string="Success Rate (%)", aggregator="avg", readonly=True
    )
    amount_untaxed = fields.Monetary(string="Untaxed Amount", readonly=True)
    margin = fields.Monetary(
        readonly=True, groups="crm_freight_pricing.group_freight_cost"
    )
    currency_id = fields.Many2one("res.currency", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT so.id,
                           so.id AS order_id,
                           partner.commercial_partner_id AS partner_id,
                           so.user_id,
                           so.team_id,
                           so.company_id,
                           so.freight_mode,
                           so.origin_location_id,
                           so.destination_location_id,
                           so.date_order,
                           (so.state = 'sale')::int AS won_count,
                           (so.state != 'sale')::int AS lost_count,
                           CASE WHEN so.state = 'sale' THEN 100.0 ELSE 0.0 END
                               AS success_rate,
                           so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1)
                               AS amount_untaxed,
                           so.margin / COALESCE(NULLIF(so.currency_rate, 0), 1)
                               AS margin,
                           company.currency_id
                      FROM sale_order so
                      JOIN res_company company ON company.id = so.company_id
                      JOIN res_partner partner ON partner.id = so.partner_id
                     WHERE so.freight_mode IS NOT NULL
                       AND so.active
                       AND (so.state IN ('sale', 'cancel') OR so.validity_expired)
                )
                """,
                SQL.identifier(self._table),
            )
        )
