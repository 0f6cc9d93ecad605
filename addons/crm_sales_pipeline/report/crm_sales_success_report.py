from odoo import fields, models, tools
from odoo.tools import SQL


class CrmSalesSuccessReport(models.Model):
    """One row per decided opportunity (won or lost): the average of
    ``success_rate`` is the share won, of ``days_to_win`` the time it took."""

    _name = "crm.sales.success.report"
    _description = "Success Rate Analysis"
    _auto = False
    _order = "date_decided desc"
    _rec_name = "lead_id"
    _depends = {
        "crm.lead": [
            "active",
            "company_id",
            "create_date",
            "date_closed",
            "expected_revenue",
            "lost_reason_id",
            "partner_id",
            "probability",
            "service_kind",
            "stage_id",
            "team_id",
            "type",
            "user_id",
        ],
        "crm.stage": ["is_won"],
        "res.partner": ["classification_ids", "commercial_partner_id"],
    }

    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    service_kind = fields.Selection(
        selection=lambda self: (
            self.env["crm.lead"]
            ._fields["service_kind"]
            ._description_selection(self.env)
        ),
        readonly=True,
    )
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        relation="crm_sales_success_report_classification_rel",
        column1="report_id",
        column2="classification_id",
        string="Customer Classifications",
        readonly=True,
    )
    lost_reason_id = fields.Many2one("crm.lost.reason", readonly=True)
    date_decided = fields.Datetime(string="Decided On", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    success_rate = fields.Float(
        string="Success Rate (%)", aggregator="avg", readonly=True
    )
    days_to_win = fields.Float(
        string="Days to Win", aggregator="avg", digits=(16, 1), readonly=True
    )
    expected_revenue = fields.Monetary(currency_field="currency_id", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)

    def init(self):
        tools.drop_view_if_exists(
            self.env.cr, "crm_sales_success_report_classification_rel"
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT lead.id,
                           lead.id AS lead_id,
                           lead.user_id,
                           lead.team_id,
                           partner.commercial_partner_id AS partner_id,
                           lead.company_id,
                           lead.service_kind,
                           lead.lost_reason_id,
                           COALESCE(lead.date_closed, lead.write_date) AS date_decided,
                           won.is_won::int AS won_count,
                           (NOT won.is_won)::int AS lost_count,
                           CASE WHEN won.is_won THEN 100.0 ELSE 0.0 END
                               AS success_rate,
                           CASE WHEN won.is_won THEN
                               EXTRACT(EPOCH FROM lead.date_closed - lead.create_date)
                               / 86400
                           END AS days_to_win,
                           lead.expected_revenue,
                           company.currency_id
                      FROM crm_lead lead
                      LEFT JOIN res_company company ON company.id = lead.company_id
                      LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
                      LEFT JOIN res_partner partner ON partner.id = lead.partner_id
                     CROSS JOIN LATERAL (
                           SELECT lead.active AND COALESCE(stage.is_won, FALSE)
                               AS is_won
                           ) won
                     WHERE lead.type = 'opportunity'
                       AND (won.is_won OR (NOT lead.active AND lead.probability = 0))
                )
                """,
                SQL.identifier(self._table),
            )
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW crm_sales_success_report_classification_rel AS (
                    SELECT report.id AS report_id, rel.classification_id
                      FROM %s report
                      JOIN res_partner_crm_customer_classification_rel rel
                        ON rel.partner_id = report.partner_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
