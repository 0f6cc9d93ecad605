from odoo import models
from odoo.tools import SQL

from ..tools import iter_query_batches


class CrmCustomerXlsxQueryExport(models.AbstractModel):
    """A streamed xlsx export whose rows are the rows of one SQL query: the records
    of ``_export_model()`` matching ``_export_domain()`` as the user may read them
    (the ORM's ``_search``, so record and company rules apply), every displayed
    value (names of related records included) selected by joins in the same query,
    read through a server-side cursor. No record is built per row, and the query
    gives each field's value as the sheet shows it (labels, names, empty values,
    local times): the cost is the query and the cell writing, memory holds one
    fetched batch."""

    _name = "crm.customer.xlsx.query.export"
    _inherit = "crm.customer.xlsx.export"
    _description = "Streamed Excel Export from One Query"

    def _export_sql_columns(self, query, select):
        """(header, getter) pairs, like ``_export_columns``, whose getters read a row
        of ``query``: ``select(sql)`` adds an expression (on ``query.table``, joins
        added to ``query``) to the row and returns its position in the row, which
        is a getter too."""
        raise NotImplementedError

    def _export_query(self):
        model = self.env[self._export_model()]
        return model._search(self._export_domain(), order=self._export_order())

    def _export_select(self):
        """(columns, SELECT as SQL) of the export's rows."""
        query = self._export_query()
        expressions = []

        def select(sql):
            expressions.append(sql)
            return len(expressions) - 1

        columns = self._export_sql_columns(query, select)
        return columns, query.select(*expressions)

    def _export_columns(self):
        return self._export_select()[0]

    def _export_records(self):
        _columns, sql = self._export_select()
        self.env.flush_all()
        for batch in iter_query_batches(self.env.cr, sql):
            yield from batch

    def _sql_field_column(self, query, select, field_name, alias=None, model=None):
        """(header, position in the row) of a stored field of ``model`` (the
        export's model by default) on table ``alias`` (``query.table``), shown as
        ``_field_column`` shows it, by the query itself: selection labels, names of
        related records (joined), the ORM's False (NULL) for empty values,
        datetimes in the user's time zone."""
        model = model if model is not None else self.env[self._export_model()]
        alias = alias or query.table
        field = model._fields[field_name]
        header = field._description_string(self.env)
        value = self._sql_field_value(query, model, alias, field_name)
        if field.type == "selection":
            value = SQL(
                "CASE %s ELSE '' END",
                SQL(" ").join(
                    [
                        SQL("WHEN %s = %s THEN %s", value, key, label)
                        for key, label in field._description_selection(self.env)
                    ]
                    or [SQL("WHEN FALSE THEN ''")]
                ),
            )
        elif field.type == "boolean":
            value = SQL("CASE WHEN %s THEN %s ELSE '' END", value, self.env._("Yes"))
        elif field.type in ("integer", "float", "monetary"):
            value = SQL("COALESCE(%s, 0)", value)
        elif field.type == "many2one":
            value = SQL("COALESCE(%s, '')", value)
        elif field.type == "datetime":
            value = SQL(
                "timezone(%s, timezone('UTC', %s))",
                self._export_time_zone().zone,
                value,
            )
        elif field.type in ("char", "text", "html"):
            value = SQL("NULLIF(%s, '')", value)
        return header, select(value)

    def _local_time_converter(self):
        # the query selects local times (_sql_field_column)
        return None

    def _sql_field_value(self, query, model, alias, field_name):
        """The SQL value of a stored field; for a many2one, its record's name."""
        field = model._fields[field_name]
        value = model._field_to_sql(alias, field_name, query)
        if field.type != "many2one":
            return value
        comodel = self.env[field.comodel_name]
        co_alias = query.make_alias(alias, field_name)
        query.add_join(
            "LEFT JOIN",
            co_alias,
            comodel._table,
            SQL("%s = %s", value, SQL.identifier(co_alias, "id")),
        )
        return self._sql_display_name(query, comodel, co_alias)

    def _sql_display_name(self, query, model, alias):
        """The display name of ``model``'s records on table ``alias``, for models
        whose display name is one stored field: a partner's is its complete name
        (Odoo's display name adds to it only on request of the context), a user's
        is their partner's name, other models' their ``_rec_name``."""
        if model._name == "res.partner":
            return model._field_to_sql(alias, "complete_name", query)
        if model._name == "res.users":
            partner_alias = query.make_alias(alias, "partner_id")
            query.add_join(
                "LEFT JOIN",
                partner_alias,
                "res_partner",
                SQL(
                    "%s = %s",
                    model._field_to_sql(alias, "partner_id", query),
                    SQL.identifier(partner_alias, "id"),
                ),
            )
            return self.env["res.partner"]._field_to_sql(partner_alias, "name", query)
        if (
            type(model)._compute_display_name
            is not models.BaseModel._compute_display_name
        ):
            raise NotImplementedError(
                f"{model._name}'s display name is computed: not read in SQL"
            )
        return model._field_to_sql(alias, model._rec_name, query)
