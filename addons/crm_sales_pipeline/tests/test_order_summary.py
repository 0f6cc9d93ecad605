import datetime
import io

import openpyxl

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon


def _read_sheet(output):
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    header, *lines = ([cell.value for cell in row] for row in sheet.iter_rows())
    return [dict(zip(header, line, strict=True)) for line in lines]


class OrderSummaryCommon(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = cls.env["res.partner"].create({"name": "Summary Second Buyer"})

        def order(user, partner, date_order, lines, confirm=True):
            sale = cls._quotation(user=user, lines=lines, partner_id=partner.id)
            if confirm:
                sale.action_confirm()
            sale.date_order = date_order
            return sale

        # Vietnam is UTC+7: 16:59 UTC on 31 March is still March there
        order(
            cls.salesman,
            cls.customer,
            "2026-03-02 03:00:00",
            [(cls.freight, 2, 2400), (cls.thc, 2, 180)],
        )
        order(cls.salesman, cls.buyer, "2026-03-31 16:59:00", [(cls.freight, 1, 2500)])
        order(
            cls.other_salesman, cls.customer, "2026-03-15 08:00:00", [(cls.thc, 5, 150)]
        )
        order(cls.salesman, cls.buyer, "2026-03-31 17:00:00", [(cls.thc, 9, 100)])
        order(
            cls.salesman,
            cls.buyer,
            "2026-03-10 08:00:00",
            [(cls.doc_fee, 1, 40)],
            False,
        )
        cls.env.flush_all()
        cls.partners = cls.customer | cls.buyer


@tagged("post_install", "-at_install")
class TestOrderSummary(OrderSummaryCommon):
    def _totals(self, groupby):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.sale_report_action_summary"
        )
        return {
            group: (qty, amount)
            for group, qty, amount in self.env["sale.report"]._read_group(
                safe_eval(action["domain"]) + [("partner_id", "in", self.partners.ids)],
                [groupby],
                ["product_uom_qty:sum", "price_subtotal:sum"],
            )
        }

    def _wizard(self, user=None, **values):
        return (
            self.env["sale.report.export.wizard"]
            .with_user(user or self.sales_manager)
            .with_context(tz="Asia/Ho_Chi_Minh")
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31", **values})
        )

    def _export(self, wizard):
        output = io.BytesIO()
        rows = wizard._write_xlsx(output)
        lines = _read_sheet(output)
        self.assertEqual(rows, len(lines))
        return lines

    def test_summary_by_product_and_customer_counts_confirmed_orders(self):
        self.assertEqual(
            self._totals("product_id"),
            {self.freight: (3, 7300), self.thc: (16, 2010)},
        )
        self.assertEqual(
            self._totals("partner_id"),
            {self.customer: (9, 5910), self.buyer: (10, 3400)},
        )

    def test_export_by_product_within_the_local_period(self):
        wizard = self._wizard()
        self.assertEqual(wizard.line_count, 4)
        lines = self._export(wizard)
        self.assertEqual(
            [(line["Product"], line["Customer"]) for line in lines],
            [
                ("Test Ocean Freight", "Pipeline Test Trading"),
                ("Test Ocean Freight", "Summary Second Buyer"),
                ("Test THC", "Pipeline Test Trading"),
                ("Test THC", "Pipeline Test Trading"),
            ],
        )
        first = lines[0]
        self.assertEqual(first["Order Date"], datetime.datetime(2026, 3, 2, 10, 0))
        self.assertEqual(first["Salesperson"], self.salesman.name)
        self.assertEqual(first["Qty Ordered"], 2)
        self.assertEqual(first["Untaxed Total"], 4800)
        self.assertEqual(first["Total"], 4800)
        self.assertEqual(lines[1]["Order Date"], datetime.datetime(2026, 3, 31, 23, 59))

    def test_export_by_customer_for_one_salesperson(self):
        wizard = self._wizard(group_by="customer", user_id=self.salesman.id)
        self.assertEqual(wizard.line_count, 3)
        lines = self._export(wizard)
        self.assertEqual(list(lines[0])[:2], ["Customer", "Product"])
        self.assertEqual(
            [(line["Customer"], line["Product"]) for line in lines],
            [
                ("Pipeline Test Trading", "Test Ocean Freight"),
                ("Pipeline Test Trading", "Test THC"),
                ("Summary Second Buyer", "Test Ocean Freight"),
            ],
        )

    def test_own_documents_salesman_exports_only_his_orders(self):
        lines = self._export(self._wizard(user=self.other_salesman))
        self.assertEqual(
            [(line["Product"], line["Qty Ordered"]) for line in lines],
            [("Test THC", 5)],
        )
        self.assertEqual(
            {line["Salesperson"] for line in lines}, {self.other_salesman.name}
        )

    def test_period_ending_before_it_starts_is_refused(self):
        Wizard = self.env["sale.report.export.wizard"]
        with assert_refused(
            self,
            ValidationError,
            r"The period ends \(03/01/2026\) before it starts \(04/01/2026\)\.",
        ) as caught:
            self._wizard(date_from="2026-04-01", date_to="2026-03-01")
        self.assertEqual(
            str(caught.exception),
            "The period ends (03/01/2026) before it starts (04/01/2026).",
        )
        self.assertFalse(Wizard.search([("date_from", "=", "2026-04-01")], limit=1))

    def test_export_reads_lines_in_a_fixed_number_of_queries(self):
        wizard = self._wizard()
        # warm the registry caches the setup's sales teams cleared (team changes
        # clear them for the record rules), as every later export finds them
        wizard._write_xlsx(io.BytesIO())
        with self.assertQueryCount(31):
            self.assertEqual(wizard._write_xlsx(io.BytesIO()), 4)
        for day in range(1, 11):
            sale = self._quotation(
                lines=[(self.freight, day, 2400), (self.thc, day, 180)],
                partner_id=self.buyer.id,
            )
            sale.action_confirm()
            sale.date_order = f"2026-03-{day:02d} 05:00:00"
        with self.assertQueryCount(31):
            self.assertEqual(wizard._write_xlsx(io.BytesIO()), 24)


@tagged("post_install", "-at_install")
class TestOrderSummaryDownload(OrderSummaryCommon, HttpCase):
    def test_salesperson_downloads_his_lines_through_the_export_route(self):
        wizard = (
            self.env["sale.report.export.wizard"]
            .with_user(self.other_salesman)
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31"})
        )
        self.authenticate(self.other_salesman.login, self.other_salesman.login)
        response = self.url_open(wizard.action_export()["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Order%20Summary.xlsx", response.headers["Content-Disposition"])
        lines = _read_sheet(io.BytesIO(response.content))
        self.assertEqual(
            [
                (line["Product"], line["Customer"], line["Qty Ordered"])
                for line in lines
            ],
            [("Test THC", "Pipeline Test Trading", 5)],
        )
