import ast

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

        def criterion_values(criterion_id):
            def getter(row):
                infos = sorted(
                    info
                    for value_id in row[index]
                    if (info := value_infos.get(value_id)) and info[0] == criterion_id
                )
                return ", ".join(name for _criterion, _rank, name in infos)

            return getter

        for criterion in self.env["crm.customer.criterion"].search([], limit=None):
            columns.append((criterion.name, criterion_values(criterion.id)))
        return columns
