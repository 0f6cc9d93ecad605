import hashlib

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
        (aliased ``src``) for the entry's date, description and salesperson. Its
        ``partner_id`` and ``company_id`` columns are used unless ``partner`` and
        ``company`` expressions say otherwise; an optional ``where`` condition keeps
        only some of its rows.

        A source whose record concerns several customers (a many2many) adds a
        ``join`` (more FROM items after ``src``, e.g. its relation table) giving one
        row per customer, and a ``key``: an integer expression unique per row among
        the source's rows (by default ``src.id``), and a ``res_id``: a function giving
        back the record's id from a key, so that reading entries by id stays an
        index lookup on each source (without it, reading by id scans the source).

        Index what a source filters on (its customer column above all): a page of one
        customer's timeline is one index lookup per source."""
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

    @api.model
    def _condition_to_sql(self, alias, fname, operator, value, query):
        """``id IN (...)`` (reading entries by id, checking them) also restricts
        ``res_id``: the view's id is computed, so only a condition on a source's own
        id reaches its primary key index instead of scanning every source."""
        sql = super()._condition_to_sql(alias, fname, operator, value, query)
        if fname != "id" or operator not in ("in", "="):
            return sql
        ids = [value] if operator == "=" else value
        if not isinstance(ids, list | tuple | set) or not all(
            isinstance(id_, int) and id_ > 0 for id_ in ids
        ):
            return sql
        res_ids = self._timeline_res_ids(ids)
        if res_ids is None:
            return sql
        if not res_ids:
            return SQL("FALSE")
        return SQL(
            "(%s AND %s IN %s)",
            sql,
            SQL.identifier(alias, "res_id"),
            tuple(sorted(res_ids)),
        )

    @api.model
    def _timeline_res_ids(self, ids):
        """The documents' ids of the entries ``ids`` (a superset), or None when a
        source does not say how to find them."""
        sources = self._timeline_sources()
        res_ids = set()
        for id_ in ids:
            key, index = divmod(id_, 100)
            if index >= len(sources):
                continue
            source = sources[index]
            if "key" not in source:
                res_ids.add(key)
            elif "res_id" in source:
                res_ids.add(source["res_id"](key))
            else:
                return None
        return res_ids

    def _timeline_query(self):
        selects = []
        for index, source in enumerate(self._timeline_sources()):
            selects.append(
                SQL(
                    """
                    SELECT %(key)s * 100 + %(index)s AS id,
                           %(date)s::timestamp AS date,
                           %(partner)s AS partner_id,
                           %(user)s AS user_id,
                           COALESCE(%(company)s, author.company_id) AS company_id,
                           model.id AS model_id,
                           %(name)s AS name,
                           model.model AS res_model,
                           src.id AS res_id
                      FROM %(table)s src %(join)s
                      JOIN ir_model model ON model.model = %(model)s
                      -- a row without a company belongs to its salesperson's
                      LEFT JOIN res_users author ON author.id = %(user)s
                     WHERE %(where)s
                    """,
                    index=index,
                    key=source.get("key", SQL("src.id")),
                    join=source.get("join", SQL()),
                    date=source["date"],
                    user=source["user"],
                    partner=source.get("partner", SQL("src.partner_id")),
                    company=source.get("company", SQL("src.company_id")),
                    name=source["name"],
                    model=source["model"],
                    where=source.get("where", SQL("TRUE")),
                    table=SQL.identifier(self.env[source["model"]]._table),
                )
            )
        return SQL(" UNION ALL ").join(selects)

    def _create_view(self):
        query = self._timeline_query()
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), query)
        )
        self.env.cr.execute(
            SQL(
                "COMMENT ON VIEW %s IS %s",
                SQL.identifier(self._table),
                self._view_signature(query),
            )
        )

    @staticmethod
    def _view_signature(query):
        return hashlib.sha1(repr((query.code, query.params)).encode()).hexdigest()

    def init(self):
        self._create_view()

    def _register_hook(self):
        super()._register_hook()
        # The sources change when a module plugging into the timeline is uninstalled:
        # its tables are dropped with CASCADE (the view with them), or they stay (a
        # model of Odoo's) and the view would still show them. The view's signature
        # tells.
        self.env.cr.execute(
            SQL("SELECT obj_description(to_regclass(%s), 'pg_class')", self._table)
        )
        if self.env.cr.fetchone()[0] != self._view_signature(self._timeline_query()):
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
