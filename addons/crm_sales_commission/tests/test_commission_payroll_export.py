import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import assert_refused, load_translations

from .common import MILLION, CommissionCommon


def read_sheet(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@tagged("post_install", "-at_install")
class TestPayrollExport(CommissionCommon, HttpCase):
    """The sales manager exports May's approved settlements for payroll."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan.create(
            {
                "name": "Tuấn 2026",
                "plan_user_id": cls.tuan.id,
                "date_start": "2026-01-01",
                "fix_qty": 2.0,
                "invoice_state": "open",
            }
        )
        cls.invoice_a = cls._invoice(
            cls.lan, 400 * MILLION, 100 * MILLION, "2026-05-05"
        )
        cls.invoice_b = cls._invoice(
            cls.lan, 700 * MILLION, 300 * MILLION, "2026-05-20"
        )
        cls.invoice_t = cls._invoice(cls.tuan, 100 * MILLION, 0, "2026-05-06")
        settlements = cls._settle("2026-06-01")
        cls.lan_may = settlements.filtered(lambda s: s.agent_id == cls.lan.partner_id)
        cls.tuan_may = settlements - cls.lan_may
        cls.lan_may.with_user(cls.manager).action_approve()
        cls.tuan_may.with_user(cls.manager).action_approve()
        # not approved: not for payroll
        cls._invoice(cls.lan, 10 * MILLION, 0, "2026-05-30")
        cls._settle("2026-06-01")

    def _export(self, user=None, lang="en_US", **values):
        # the web client's context carries the user's language
        wizard = (
            self.env["commission.payroll.export"]
            .with_user(user or self.manager)
            .with_context(lang=lang)
            .create({"date_from": "2026-05-01", "date_to": "2026-05-31", **values})
        )
        output = io.BytesIO()
        wizard._write_xlsx(output)
        return read_sheet(output.getvalue())

    def test_one_row_per_line_and_a_total_per_salesperson(self):
        rows = self._export()
        self.assertEqual(
            rows[0],
            [
                "Salesperson",
                "Period",
                "Invoice",
                "Customer",
                "Commission Base",
                "Rate (%)",
                "Commission",
                "Currency",
                "Note",
            ],
        )
        body = [row for row in rows[1:] if any(row)]
        lan_rows = [row for row in body if row[0] == self.lan.partner_id.name]
        self.assertEqual(
            [row[2:7] for row in lan_rows],
            [
                [
                    self.invoice_a.name,
                    self.customer.name,
                    300 * MILLION,
                    3.0,
                    9 * MILLION,
                ],
                [
                    self.invoice_b.name,
                    self.customer.name,
                    400 * MILLION,
                    4.0,
                    16 * MILLION,
                ],
            ],
        )
        self.assertEqual(lan_rows[0][1], "2026-05-01 - 2026-05-31")
        totals = {row[0]: row for row in body if row[0].startswith("Total")}
        lan_total = totals[f"Total: {self.lan.partner_id.name}"]
        self.assertEqual(
            (lan_total[4], lan_total[5], lan_total[6]),
            (700 * MILLION, None, 25 * MILLION),
        )
        self.assertEqual(totals[f"Total: {self.tuan.partner_id.name}"][6], 2 * MILLION)
        # the late, not approved line is not there
        self.assertEqual(len(body), 3 + 2)

    def test_chosen_settlements_only(self):
        rows = self._export(settlement_ids=[(6, 0, self.tuan_may.ids)])
        names = {
            row[0] for row in rows[1:] if row[0] and not row[0].startswith("Total")
        }
        self.assertEqual(names, {self.tuan.partner_id.name})

    def test_headers_in_vietnamese_and_english(self):
        load_translations(self.env, ["crm_sales_commission"])
        header = self._export(lang="zh_CN")[0]
        self.assertEqual(header[0], "销售员 / Nhân viên kinh doanh / Salesperson")
        header = self._export(lang="vi_VN")[0]
        self.assertEqual(header[6], "Hoa hồng / Commission")

    def test_salesperson_cannot_export(self):
        with assert_refused(self, AccessError, "commission.payroll.export"):
            self._export(user=self.lan)

    def test_download_through_the_export_route(self):
        wizard = (
            self.env["commission.payroll.export"]
            .with_user(self.manager)
            .create({"date_from": "2026-05-01", "date_to": "2026-05-31"})
        )
        url = wizard.action_export()["url"]
        self.authenticate(self.lan.login, self.lan.login)
        # no export rights: refused
        self.assertEqual(self.url_open(url).status_code, 403)
        self.authenticate(self.manager.login, self.manager.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Commission%20Payroll.xlsx", response.headers["Content-Disposition"]
        )
        self.assertEqual(read_sheet(response.content)[1][2], self.invoice_a.name)
