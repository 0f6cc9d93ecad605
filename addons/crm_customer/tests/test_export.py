import io

import openpyxl

from odoo.tests import HttpCase, tagged

from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestExport(CrmCustomerCommon):
    def _export(self, partners):
        wizard = (
            self.env["crm.customer.export.wizard"]
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create({})
        )
        output = io.BytesIO()
        rows = wizard._write_xlsx(output)
        sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
        return rows, [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_customers_with_one_column_per_criterion(self):
        customer = self.env["res.partner"].create(
            {
                "name": "Vận tải Biển Đông",
                "customer_type": "customer",
                "classification_ids": [(6, 0, (self.district1 | self.logistics).ids)],
            }
        )
        rows, table = self._export(customer)
        self.assertEqual(rows, 1)
        header, line = table
        self.assertEqual(line[header.index("Name")], "Vận tải Biển Đông")
        self.assertEqual(line[header.index("Mnemonic Code")], "VTBD")
        self.assertEqual(
            line[header.index("Test Region")], "Miền Nam / TP.HCM / Quận 1"
        )
        self.assertEqual(line[header.index("Test Industry")], "Logistics")

    def test_large_export_reads_in_batches(self):
        customers = self.env["res.partner"].create(
            [{"name": f"Customer {n}", "customer_type": "lead"} for n in range(2500)]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=40):
            rows, _table = self._export(customers)
        self.assertEqual(rows, 2500)


@tagged("post_install", "-at_install")
class TestExportDownload(HttpCase):
    def test_download_through_the_web_client_route(self):
        self.authenticate("admin", "admin")
        partner = self.env["res.partner"].create(
            {"name": "Downloaded", "customer_type": "lead"}
        )
        wizard = (
            self.env["crm.customer.export.wizard"]
            .with_user(self.env.ref("base.user_admin"))
            .create({"domain": repr([("id", "=", partner.id)])})
        )
        response = self.url_open(f"/crm_customer/export/{wizard.id}")
        self.assertEqual(response.status_code, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet.max_row, 2)
