import io

import openpyxl

from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestXlsxExportHooks(TransactionCase):
    """The export hooks on a minimal export whose rows are not records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = mail_new_test_user(
            cls.env, login="test_crm_xlsx_user", groups="base.group_user"
        )

    def _export(self, lines):
        export = (
            self.env["test.crm.xlsx.export"]
            .with_user(self.user)
            .create({"lines": lines})
        )
        export = as_request(self.user, export)
        output = io.BytesIO()
        rows = export._write_xlsx(output)
        workbook = openpyxl.load_workbook(io.BytesIO(output.getvalue()))
        return rows, workbook.active

    def test_one_row_per_item_then_subtotals_in_bold(self):
        rows, sheet = self._export(
            [["Biển Đông", "VND", 1000], ["", "USD", 2.5], ["Hà Nội", "VND", 500]]
        )
        self.assertEqual(rows, 3)
        self.assertEqual(
            [[cell.value for cell in row] for row in sheet.iter_rows()],
            [
                ["Name", "Currency", "Amount", "Double"],
                ["Biển Đông", "VND", 1000, 2000],
                [None, "USD", 2.5, 5],
                ["Hà Nội", "VND", 500, 1000],
                [None, None, None, None],
                ["Total USD", "USD", 2.5, 5],
                ["Total VND", "VND", 1500, 3000],
            ],
        )
        self.assertEqual(sheet["C2"].number_format, "#,##0.00")
        self.assertFalse(sheet["A2"].font.b)
        self.assertTrue(sheet["A6"].font.b)
        self.assertTrue(sheet["C7"].font.b)
        self.assertEqual(sheet["C7"].number_format, "#,##0.00")
        self.assertEqual(sheet.freeze_panes, "B2")

    def test_no_rows_no_subtotals(self):
        rows, sheet = self._export([])
        self.assertEqual(rows, 0)
        self.assertEqual(
            [[cell.value for cell in row] for row in sheet.iter_rows()],
            [["Name", "Currency", "Amount", "Double"]],
        )
