import ast
import functools

from odoo import api, fields, models
from odoo.tools import SQL


class CrmCustomerExportWizard(models.TransientModel):
    _name = "crm.customer.export.wizard"
    _inherit = "crm.customer.xlsx.query.export"
    _description = "Export Customers to Excel"

    domain = fields.Char(default=lambda self: self._default_domain(), required=True)
    customer_count = fields.Integer(compute="_compute_customer_count")

    @api.model
    def _default_domain(self):
        return self._selection_domain("res.partner", [("customer_type", "!=", False)])

    @api.depends("domain")
    def _compute_customer_count(self):
        for wizard in self:
            wizard.customer_count = self.env["res.partner"].search_count(
                wizard._export_domain()
            )

    def _export_model(self):
        return "res.partner"

    def _export_domain(self):
        return ast.literal_eval(self.domain or "[]")

    def _export_title(self):
        return self.env._("Customers")

    def _export_field_names(self):
        return [
            "customer_code",
            "name",
            "short_code",
            "customer_type",
            "customer_status",
            "user_id",
            "phone",
            "email",
            "city",
            "country_id",
            "vat",
            "last_interaction_date",
        ]

    def _export_sql_columns(self, query, select):
        """Profile columns, then one column per classification criterion: the
        customer's values (those the user may read, in their order) under it."""
        columns = [
            self._sql_field_column(query, select, field_name)
            for field_name in self._export_field_names()
        ]
        values = self.env["crm.customer.classification"].search([], limit=None)
        # value id -> (criterion id, rank in the values' order, name)
        value_infos = {
            value.id: (value.criterion_id.id, rank, value.display_name)
            for rank, value in enumerate(values)
        }
        index = select(
            SQL(
                "ARRAY(SELECT rel.classification_id"
                " FROM res_partner_crm_customer_classification_rel rel"
                " WHERE rel.partner_id = %s)",
                SQL.identifier(query.table, "id"),
            )
        )

        criteria = self.env["crm.customer.criterion"].search([], limit=None)
        position = {criterion.id: col for col, criterion in enumerate(criteria)}

        # customers share their sets of values: each set's cells computed once
        # (a bounded cache: memory stays flat)
        @functools.lru_cache(maxsize=4096)
        def criterion_cells(value_ids):
            names = [[] for _criterion in criteria]
            for criterion_id, _rank, name in sorted(
                info for value_id in value_ids if (info := value_infos.get(value_id))
            ):
                if criterion_id in position:
                    names[position[criterion_id]].append(name)
            return [", ".join(criterion_names) for criterion_names in names]

        # the row whose cells were computed last: once per row, not per criterion
        last = [None, None]

        def criterion_value(col):
            def getter(row):
                if row is not last[0]:
                    last[:] = row, criterion_cells(tuple(row[index]))
                return last[1][col]

            return getter

        for col, criterion in enumerate(criteria):
            columns.append((criterion.name, criterion_value(col)))
        return columns
