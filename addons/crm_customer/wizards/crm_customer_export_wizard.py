import ast

from odoo import api, fields, models


class CrmCustomerExportWizard(models.TransientModel):
    _name = "crm.customer.export.wizard"
    _inherit = "crm.customer.xlsx.export"
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

    def _export_columns(self):
        """Profile columns, then one column per classification criterion."""
        partners = self.env["res.partner"]
        columns = [
            self._field_column(partners, field_name)
            for field_name in self._export_field_names()
        ]
        for criterion in self.env["crm.customer.criterion"].search([], limit=None):
            columns.append(
                (
                    criterion.name,
                    lambda p, c=criterion: ", ".join(
                        p.classification_ids.filtered(
                            lambda v: v.criterion_id == c
                        ).mapped("display_name")
                    ),
                )
            )
        return columns
