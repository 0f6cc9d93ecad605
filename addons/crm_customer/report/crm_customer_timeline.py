from odoo import api, fields, models, tools
from odoo.tools import SQL


class CrmCustomerTimeline(models.Model):
    """Everything that happened with a customer, from every module, in one list.

    Each source is one SELECT of a UNION ALL view. Other modules plug their records in
    by inheriting this model and extending ``_timeline_sources``; the view is rebuilt
    when they are installed, and recreated if an uninstall dropped it.
    """

    _name = "crm.customer.timeline"
    _description = "Customer Timeline"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"
    # what a search must flush first; modules adding sources add theirs
    _depends = {
        model: ["partner_id", "company_id", "user_id", "name", date]
        for model, date in (
            ("crm.customer.interaction", "date_start"),
            ("crm.customer.need", "date"),
            ("crm.customer.project", "date"),
            ("crm.customer.competitor.product", "date"),
        )
    } | {
        "crm.customer.info": ["partner_id", "company_id", "user_id", "content", "date"]
    }

    date = fields.Datetime(readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    model_id = fields.Many2one("ir.model", string="Type", readonly=True)
    name = fields.Char(string="Description", readonly=True)
    res_model = fields.Char(string="Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", readonly=True
    )

    @api.model
    def _timeline_sources(self):
        """One dict per source model: its name, and SQL expressions over its table
        (aliased ``src``) for the entry's date, description and salesperson. The table
        must have ``partner_id`` and ``company_id`` columns. An optional ``where`` SQL
        condition keeps only some of its rows."""
        return [
            {
                "model": "crm.customer.interaction",
                "date": SQL("src.date_start"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
            {
                "model": "crm.customer.need",
                "date": SQL("src.date"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
            {
                "model": "crm.customer.project",
                "date": SQL("src.date"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
            {
                "model": "crm.customer.info",
                "date": SQL("src.date"),
                "name": SQL("left(src.content, 200)"),
                "user": SQL("src.user_id"),
            },
            {
                "model": "crm.customer.competitor.product",
                "date": SQL("src.date"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
        ]

    def _timeline_query(self):
        selects = []
        for index, source in enumerate(self._timeline_sources()):
            selects.append(
                SQL(
                    """
                    SELECT src.id * 100 + %(index)s AS id,
                           %(date)s::timestamp AS date,
                           src.partner_id AS partner_id,
                           %(user)s AS user_id,
                           src.company_id AS company_id,
                           model.id AS model_id,
                           %(name)s AS name,
                           model.model AS res_model,
                           src.id AS res_id
                      FROM %(table)s src
                      JOIN ir_model model ON model.model = %(model)s
                     WHERE %(where)s
                    """,
                    index=index,
                    date=source["date"],
                    user=source["user"],
                    name=source["name"],
                    model=source["model"],
                    where=source.get("where", SQL("TRUE")),
                    table=SQL.identifier(self.env[source["model"]]._table),
                )
            )
        return SQL(" UNION ALL ").join(selects)

    def _create_view(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._timeline_query(),
            )
        )

    def init(self):
        self._create_view()

    def _register_hook(self):
        super()._register_hook()
        # Uninstalling a module drops its tables with CASCADE, and this view with them.
        if not tools.sql.table_kind(self.env.cr, self._table):
            self._create_view()

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }
