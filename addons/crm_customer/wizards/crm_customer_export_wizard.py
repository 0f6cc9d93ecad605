import ast

from odoo import api, fields, models
from odoo.tools.misc import xlsxwriter

BATCH_SIZE = 1000


class CrmCustomerExportWizard(models.TransientModel):
    _name = "crm.customer.export.wizard"
    _description = "Export Customers to Excel"

    domain = fields.Char(default=lambda self: self._default_domain(), required=True)
    customer_count = fields.Integer(compute="_compute_customer_count")

    @api.model
    def _default_domain(self):
        context = self.env.context
        if context.get("active_model") == "res.partner" and context.get("active_ids"):
            return repr([("id", "in", context["active_ids"])])
        return repr([("customer_type", "!=", False)])

    @api.depends("domain")
    def _compute_customer_count(self):
        for wizard in self:
            wizard.customer_count = self.env["res.partner"].search_count(
                wizard._get_domain()
            )

    def _get_domain(self):
        return ast.literal_eval(self.domain or "[]")

    def action_export(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/crm_customer/export/{self.id}",
            "target": "download",
        }

    def _columns(self):
        """(header, value getter) pairs; one column per classification criterion."""
        partner_fields = self.env["res.partner"].fields_get(
            [
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
            ],
            ["string", "selection"],
        )

        def label(field_name):
            return partner_fields[field_name]["string"]

        def selection(field_name):
            options = dict(partner_fields[field_name]["selection"])
            return lambda partner: options.get(partner[field_name], "")

        columns = [
            (label("customer_code"), lambda p: p.customer_code or ""),
            (label("name"), lambda p: p.name or ""),
            (label("short_code"), lambda p: p.short_code or ""),
            (label("customer_type"), selection("customer_type")),
            (label("customer_status"), selection("customer_status")),
            (label("user_id"), lambda p: p.user_id.name or ""),
            (label("phone"), lambda p: p.phone or ""),
            (label("email"), lambda p: p.email or ""),
            (label("city"), lambda p: p.city or ""),
            (label("country_id"), lambda p: p.country_id.name or ""),
            (label("vat"), lambda p: p.vat or ""),
            (
                label("last_interaction_date"),
                lambda p: fields.Datetime.to_string(p.last_interaction_date) or "",
            ),
        ]
        criteria = self.env["crm.customer.criterion"].search([], limit=None)
        for criterion in criteria:
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

    def _write_xlsx(self, output):
        """Write the customers to ``output`` in batches: xlsxwriter's constant_memory
        mode flushes each row, and the ORM cache is emptied after each batch, so memory
        stays flat whatever the number of customers."""
        self.ensure_one()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "in_memory": False}
        )
        sheet = workbook.add_worksheet(self.env._("Customers"))
        bold = workbook.add_format({"bold": True})
        columns = self._columns()
        for col, (header, _getter) in enumerate(columns):
            sheet.write(0, col, header, bold)
        partner_ids = self.env["res.partner"].search(self._get_domain(), order="id").ids
        row = 1
        for start in range(0, len(partner_ids), BATCH_SIZE):
            partners = self.env["res.partner"].browse(
                partner_ids[start : start + BATCH_SIZE]
            )
            for partner in partners:
                for col, (_header, getter) in enumerate(columns):
                    sheet.write_string(row, col, getter(partner))
                row += 1
            self.env.invalidate_all()
        workbook.close()
        return row - 1
