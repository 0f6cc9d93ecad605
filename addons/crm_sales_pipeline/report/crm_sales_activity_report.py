from odoo import api, fields, models, tools
from odoo.tools import SQL


class CrmSalesActivityReport(models.Model):
    """One row per planned activity on a sales document: still open, marked done
    and kept (activity types with *Keep Done*), or marked done and deleted, which
    leaves only its "done" message. Every row counts as planned; the average of
    ``done_rate`` is the share done."""

    _name = "crm.sales.activity.report"
    _description = "Planned vs Done Activities"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "summary"
    _depends = {
        "mail.activity": [
            "active",
            "activity_type_id",
            "date_deadline",
            "date_done",
            "res_id",
            "res_model",
            "res_name",
            "summary",
            "user_id",
        ],
        "mail.activity.type": ["keep_done"],
        "mail.message": [
            "author_id",
            "date",
            "mail_activity_type_id",
            "message_type",
            "model",
            "record_name",
            "res_id",
        ],
        "res.users": ["company_id", "partner_id", "sale_team_id", "share"],
        # the documents' companies
        "res.partner": ["company_id"],
        "crm.lead": ["company_id"],
        "sale.order": ["company_id"],
        "crm.contract": ["company_id"],
    }

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        help="The document's company; for a document shared between companies, the "
        "salesperson's.",
    )
    activity_type_id = fields.Many2one("mail.activity.type", readonly=True)
    summary = fields.Char(readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    res_name = fields.Char(string="Document", readonly=True)
    date = fields.Date(
        string="Planned For",
        readonly=True,
        help="The due date; for an activity marked done and not kept, the day it "
        "was marked done (its due date is not kept).",
    )
    date_done = fields.Date(string="Done On", readonly=True)
    state = fields.Selection(
        selection=[("open", "Open"), ("overdue", "Overdue"), ("done", "Done")],
        string="Status",
        readonly=True,
    )
    planned_count = fields.Integer(string="Planned", readonly=True)
    done_count = fields.Integer(string="Done", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    done_rate = fields.Float(string="Done Rate (%)", aggregator="avg", readonly=True)

    @api.model
    def _sales_models(self):
        """Documents whose activities are sales work."""
        return ("res.partner", "crm.lead", "sale.order", "crm.contract")

    def _document_company_sql(self, model_column, id_column, user_company_column):
        """The company of the document a row is about, else the salesperson's."""
        companies = [
            SQL(
                "(SELECT company_id FROM %(table)s WHERE %(model_column)s = %(model)s "
                "AND id = %(id_column)s)",
                table=SQL.identifier(self.env[model]._table),
                model_column=model_column,
                model=model,
                id_column=id_column,
            )
            for model in self._sales_models()
            if "company_id" in self.env[model]._fields
            and self.env[model]._fields["company_id"].store
        ]
        return SQL("COALESCE(%s)", SQL(", ").join([*companies, user_company_column]))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        models_ = tuple(self._sales_models())
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    -- activities still open, or done and kept (Keep Done types)
                    SELECT activity.id * 2 AS id,
                           activity.user_id,
                           users.sale_team_id AS team_id,
                           %(activity_company)s AS company_id,
                           activity.activity_type_id,
                           activity.summary,
                           activity.res_model,
                           activity.res_id,
                           activity.res_name,
                           activity.date_deadline AS date,
                           activity.date_done,
                           CASE WHEN NOT activity.active THEN 'done'
                                WHEN activity.date_deadline < CURRENT_DATE
                                    THEN 'overdue'
                                ELSE 'open'
                           END AS state,
                           1 AS planned_count,
                           (NOT activity.active)::int AS done_count,
                           (activity.active
                            AND activity.date_deadline < CURRENT_DATE)::int
                               AS overdue_count,
                           CASE WHEN activity.active THEN 0.0 ELSE 100.0 END
                               AS done_rate
                      FROM mail_activity activity
                      JOIN res_users users ON users.id = activity.user_id
                     WHERE activity.res_model IN %(models)s
                       AND (activity.active OR activity.date_done IS NOT NULL)
                    UNION ALL
                    -- activities marked done and deleted: only their message is left
                    SELECT message.id * 2 + 1 AS id,
                           author.id AS user_id,
                           author.sale_team_id AS team_id,
                           %(message_company)s AS company_id,
                           message.mail_activity_type_id AS activity_type_id,
                           NULL AS summary,
                           message.model AS res_model,
                           message.res_id,
                           message.record_name AS res_name,
                           message.date::date AS date,
                           message.date::date AS date_done,
                           'done' AS state,
                           1 AS planned_count,
                           1 AS done_count,
                           0 AS overdue_count,
                           100.0 AS done_rate
                      FROM mail_message message
                      JOIN mail_activity_type activity_type
                        ON activity_type.id = message.mail_activity_type_id
                     CROSS JOIN LATERAL (
                           SELECT users.id, users.sale_team_id, users.company_id
                             FROM res_users users
                            WHERE users.partner_id = message.author_id
                              AND users.share IS NOT TRUE
                            ORDER BY users.id
                            LIMIT 1
                           ) author
                     WHERE message.message_type = 'notification'
                       AND message.model IN %(models)s
                       AND NOT COALESCE(activity_type.keep_done, FALSE)
                )
                """,
                table=SQL.identifier(self._table),
                models=models_,
                activity_company=self._document_company_sql(
                    SQL("activity.res_model"),
                    SQL("activity.res_id"),
                    SQL("users.company_id"),
                ),
                message_company=self._document_company_sql(
                    SQL("message.model"),
                    SQL("message.res_id"),
                    SQL("author.company_id"),
                ),
            )
        )
