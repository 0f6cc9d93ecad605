from odoo import fields, models


class CrmXlsxExportTestModel(models.TransientModel):
    """An export whose rows are not records: (name, currency, amount) lines, with a
    subtotal per currency, the way the receivable aging uses the export hooks."""

    _name = "test.crm.xlsx.export"
    _inherit = "crm.customer.xlsx.export"
    _description = "Test Streamed Excel Export"

    lines = fields.Json(help="[[name, currency, amount], ...]")

    def _export_title(self):
        return "Test Export"

    def _export_columns(self):
        return [
            ("Name", lambda line: line[0] or False),
            ("Currency", lambda line: line[1]),
            ("Amount", lambda line: line[2]),
            ("Double", lambda line: line[2] * 2),
        ]

    def _export_records(self):
        yield from self.lines or []

    def _export_number_format(self):
        return "#,##0.00"

    def _export_freeze_panes(self):
        return 1, 1

    def _export_subtotal_key(self, record):
        return record[1]

    def _export_subtotal_row(self, key, sums):
        return [f"Total {key}", key, *sums[2:]]
