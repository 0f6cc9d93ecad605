import io
from unittest.mock import patch

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.crm_customer.tools import cursor
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon

# Exporting the aging once caches are warm: the wizard's choices, the aging query
# (buckets pivoted, customers, salespeople and currencies joined) and the subtotals'
# currencies; then one FETCH per batch of rows of the aging query.
QUERIES_ONE_BATCH = 15
QUERIES_PER_BATCH = 1


def read_sheet(output):
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@tagged("post_install", "-at_install")
class TestAgingReport(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency("EUR", rates=[("1900-01-01", 2.0)])
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_accounting_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.team = cls.env["crm.team"].create({"name": "Đội Miền Bắc"})
        cls.region = cls.env["crm.customer.criterion"].create({"name": "Vùng"})
        cls.south = cls.env["crm.customer.classification"].create(
            {"name": "Miền Nam", "criterion_id": cls.region.id}
        )
        cls.hcmc = cls.env["crm.customer.classification"].create(
            {"name": "TP.HCM", "criterion_id": cls.region.id, "parent_id": cls.south.id}
        )
        cls.north = cls.env["crm.customer.classification"].create(
            {"name": "Miền Bắc", "criterion_id": cls.region.id}
        )
        cls.customer.classification_ids = cls.hcmc
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Dệt may Hà Nội",
                "is_company": True,
                "user_id": cls.other_salesman.id,
                "responsible_team_id": cls.team.id,
                "classification_ids": [Command.set(cls.north.ids)],
            }
        )

    def _wizard(self, user=None, **values):
        return (
            self.env["crm.receivable.aging.wizard"]
            .with_user(user or self.env.user)
            .create({"date": self.today, **values})
        )

    def _aging(self, wizard=None):
        """{(customer, currency name, bucket): amount in currency} of a run."""
        wizard = wizard or self._wizard()
        wizard.action_open_report()
        # As the user who ran it: their rows only.
        rows = wizard.env["crm.receivable.aging.report"].search(
            [("wizard_id", "=", wizard.id)]
        )
        return {
            (row.partner_id, row.currency_id.name, row.bucket): row.amount_currency
            for row in rows
        }

    def _export(self, wizard=None):
        output = io.BytesIO()
        customer_rows = (wizard or self._wizard())._write_xlsx(output)
        return customer_rows, read_sheet(output)

    # ------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------

    def test_buckets_on_their_boundaries(self):
        # days overdue -> amount: due today is not due yet, 30 days late is 1-30
        for days, amount in ((-10, 1), (0, 2), (1, 4), (30, 8), (31, 16)):
            self._invoice(
                self.customer, amount, self._days_ago(100), self._days_ago(days)
            )
        for days, amount in ((60, 32), (61, 64), (90, 128), (91, 256)):
            self._invoice(
                self.customer, amount, self._days_ago(100), self._days_ago(days)
            )
        self.assertEqual(
            self._aging(),
            {
                (self.customer, "USD", "b0"): 3.0,
                (self.customer, "USD", "b1"): 12.0,
                (self.customer, "USD", "b2"): 48.0,
                (self.customer, "USD", "b3"): 192.0,
                (self.customer, "USD", "b4"): 256.0,
            },
        )

    def test_partial_payment_lowers_the_bucket_from_its_date(self):
        invoice = self._invoice(
            self.customer_contact, 1000.0, self._days_ago(60), self._days_ago(45)
        )
        self._pay(invoice, 400.0, self.today)
        self.assertEqual(self._aging(), {(self.customer, "USD", "b2"): 600.0})
        # The day before the payment, everything was still owed, 44 days late.
        before = self._wizard(date=self._days_ago(1))
        self.assertEqual(self._aging(before), {(self.customer, "USD", "b2"): 1000.0})
        # Before the invoice was posted, nothing.
        self.assertEqual(self._aging(self._wizard(date=self._days_ago(61))), {})

    def test_paid_invoice_is_gone(self):
        invoice = self._invoice(self.customer, 500.0, self._days_ago(40))
        self._pay(invoice, 500.0, self._days_ago(5))
        self.assertEqual(self._aging(), {})

    def test_unmatched_credit_notes_count_negative_on_their_date(self):
        self._invoice(self.customer, 1000.0, self._days_ago(40), self._days_ago(35))
        self._invoice(self.customer, 300.0, self._days_ago(10), move_type="out_refund")
        aging = self._aging()
        self.assertEqual(
            aging,
            {
                (self.customer, "USD", "b1"): -300.0,
                (self.customer, "USD", "b2"): 1000.0,
            },
        )
        # The row total is the customer's receivable balance.
        self.assertEqual(sum(aging.values()), self.customer.receivable_amount)

    def test_amounts_in_the_item_currency(self):
        self._invoice(
            self.customer,
            400.0,
            self._days_ago(15),
            self._days_ago(5),
            currency=self.eur,
        )
        wizard = self._wizard()
        wizard.action_open_report()
        row = self.env["crm.receivable.aging.report"].search(
            [("wizard_id", "=", wizard.id)]
        )
        self.assertEqual(row.currency_id, self.eur)
        self.assertEqual(row.amount_currency, 400.0)
        self.assertEqual(row.amount, 200.0)
        self.assertEqual(row.user_id, self.salesman)

    # ------------------------------------------------------------
    # Filters
    # ------------------------------------------------------------

    def test_filter_by_salesperson_team_and_parent_classification(self):
        self._invoice(self.customer, 100.0, self._days_ago(5))
        self._invoice(self.other_customer, 200.0, self._days_ago(5))
        both = {self.customer, self.other_customer}

        def customers(**values):
            return {key[0] for key in self._aging(self._wizard(**values))}

        self.assertEqual(customers(), both)
        self.assertEqual(
            customers(user_ids=[Command.set(self.salesman.ids)]), {self.customer}
        )
        self.assertEqual(
            customers(team_ids=[Command.set(self.team.ids)]), {self.other_customer}
        )
        # Miền Nam includes the customer classified under TP.HCM.
        self.assertEqual(
            customers(classification_ids=[Command.set(self.south.ids)]),
            {self.customer},
        )
        self.assertEqual(
            customers(classification_ids=[Command.set((self.south | self.north).ids)]),
            both,
        )

    # ------------------------------------------------------------
    # Settings
    # ------------------------------------------------------------

    def test_configurable_buckets(self):
        self.company.aging_bucket_limits = "15,45"
        self._invoice(self.customer, 10.0, self._days_ago(60), self._days_ago(15))
        self._invoice(self.customer, 20.0, self._days_ago(60), self._days_ago(16))
        self._invoice(self.customer, 40.0, self._days_ago(60), self._days_ago(46))
        self.assertEqual(
            self._aging(),
            {
                (self.customer, "USD", "b1"): 10.0,
                (self.customer, "USD", "b2"): 20.0,
                (self.customer, "USD", "b3"): 40.0,
            },
        )
        selection = (
            self.env["crm.receivable.aging.report"]
            ._fields["bucket"]
            ._description_selection(self.env)
        )
        self.assertEqual(
            [label for _key, label in selection],
            ["Not Due", "1-15", "16-45", "Over 45"],
        )

    def test_invalid_buckets_are_refused(self):
        for limits in (
            "30,30",
            "60,30",
            "0,30",
            "-5,30",
            "thirty",
            "",
            "1,2,3,4,5,6,7,8,9,10",
        ):
            with (
                self.subTest(limits=limits),
                self.assertRaises(ValidationError) as error,
            ):
                self.company.aging_bucket_limits = limits
            self.assertIn("increasing order", str(error.exception))
        self.company.invalidate_recordset()
        self.assertEqual(self.company.aging_bucket_limits, "30,60,90")

    # ------------------------------------------------------------
    # Access and companies
    # ------------------------------------------------------------

    def test_accountants_and_sales_managers_only(self):
        self._invoice(self.customer, 100.0, self._days_ago(5))
        for user in (self.billing_user, self.sales_manager):
            self.env.flush_all()
            self.assertEqual(
                self._aging(self._wizard(user=user)),
                {(self.customer, "USD", "b1"): 100.0},
            )
        with assert_refused(
            self, AccessError, "not allowed to create 'Receivable Aging'"
        ):
            self._wizard(user=self.salesman)
        # Nor can a salesperson read someone else's run.
        wizard = self._wizard(user=self.billing_user)
        with assert_refused(
            self, AccessError, "not allowed to access 'Receivable Aging'"
        ):
            wizard.with_user(self.salesman).read(["date"])

    def test_only_the_current_company(self):
        other = self.setup_other_company(name="Chi nhánh Hà Nội")["company"]
        self.env.user.company_ids |= other
        self._invoice(self.customer, 100.0, self._days_ago(5))
        self.env["account.move"].with_company(other).create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": self._days_ago(5),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Freight", "price_unit": 300.0, "tax_ids": []}
                    )
                ],
            }
        ).action_post()
        self.assertEqual(self._aging(), {(self.customer, "USD", "b1"): 100.0})
        there = self.env["crm.receivable.aging.wizard"].with_company(other).create({})
        self.assertEqual(set(self._aging(there).values()), {300.0})

    # ------------------------------------------------------------
    # Excel
    # ------------------------------------------------------------

    def test_xlsx_one_row_per_customer_and_currency_with_subtotals(self):
        self._invoice(self.customer, 100.0, self._days_ago(5))
        self._invoice(self.customer, 50.0, self._days_ago(50), self._days_ago(40))
        self._invoice(
            self.customer,
            400.0,
            self._days_ago(15),
            self._days_ago(5),
            currency=self.eur,
        )
        self._invoice(self.other_customer, 30.0, self._days_ago(20), self.today)
        customer_rows, lines = self._export()
        self.assertEqual(customer_rows, 3)
        header, *rows = lines
        self.assertEqual(
            header,
            [
                "Customer Code",
                "Customer",
                "Salesperson",
                "Currency",
                "Not Due",
                "1-30",
                "31-60",
                "61-90",
                "Over 90",
                "Total",
            ],
        )
        code = self.other_customer.customer_code or None
        self.assertEqual(
            rows,
            [
                [code, "Dệt may Hà Nội", self.other_salesman.name, "USD"]
                + [30, 0, 0, 0, 0, 30],
                [
                    self.customer.customer_code,
                    "Vận tải Biển Đông",
                    self.salesman.name,
                ]
                + ["EUR", 0, 400, 0, 0, 0, 400],
                [
                    self.customer.customer_code,
                    "Vận tải Biển Đông",
                    self.salesman.name,
                ]
                + ["USD", 0, 100, 50, 0, 0, 150],
                [None] * 10,
                [None, "Subtotal EUR", None, "EUR", 0, 400, 0, 0, 0, 400],
                [None, "Subtotal USD", None, "USD", 30, 100, 50, 0, 0, 180],
            ],
        )

    def test_xlsx_streams_customers_in_batches(self):
        """Queries depend on the number of batches of aging rows, not on the number
        of open items: 7 customers in batches of 3 rows cost the same with 2, 4 or
        6 items each."""
        customers = self.env["res.partner"].create(
            [{"name": f"Khách hàng {n}", "is_company": True} for n in range(7)]
        )
        wizard = self._wizard()
        query_counts = []
        for items in (1, 2, 3):
            for customer in customers:
                self._invoice(customer, 10.0, self._days_ago(5))
                self._invoice(customer, 5.0, self._days_ago(50), self._days_ago(40))
            self.env.flush_all()
            self.env.invalidate_all()
            with patch.object(cursor, "FETCH_SIZE", 3):
                queries_before = self.env.cr.sql_log_count
                customer_rows, lines = self._export(wizard)
                query_counts.append(self.env.cr.sql_log_count - queries_before)
            self.assertEqual(customer_rows, 7)
            self.assertEqual(
                lines[-1][1:],
                ["Subtotal USD", None, "USD", 0, 70 * items, 35 * items, 0, 0]
                + [105 * items],
            )
        # once caches are warm (first run), the same whatever the number of items;
        # the ceiling leaves room for the fields other modules add to customers
        self.assertEqual(query_counts[1], query_counts[2])
        self.assertLessEqual(query_counts[1], 30)

    def test_xlsx_reads_the_open_items_in_one_query(self):
        """The open items are read once, whatever the number of customers or of
        their batches: 3 or 9 customers in one batch cost the same, and batches
        of 3 rows only add one FETCH each."""
        report_class = type(self.env["crm.receivable.aging.report"])
        customers = self.env["res.partner"].create(
            [
                {"name": f"Khách hàng {n}", "is_company": True, "user_id": user.id}
                for n in range(9)
                for user in (self.salesman, self.other_salesman)[n % 2 :][:1]
            ]
        )
        wizard = self._wizard()
        for size in (3, 9):
            for customer in customers[:size]:
                self._invoice(customer, 10.0, self._days_ago(5))
            for _warm_up in range(2):
                self.env.invalidate_all()
                self._export(wizard)
            self.env.invalidate_all()
            with (
                self.subTest(size=size),
                self.assertQueryCount(QUERIES_ONE_BATCH),
            ):
                customer_rows, _lines = self._export(wizard)
            self.assertEqual(customer_rows, size)
        self.env.invalidate_all()
        with (
            patch.object(cursor, "FETCH_SIZE", 3),
            patch.object(
                report_class,
                "_get_open_items_query",
                autospec=True,
                side_effect=report_class._get_open_items_query,
            ) as open_items_query,
            self.assertQueryCount(QUERIES_ONE_BATCH + 2 * QUERIES_PER_BATCH),
        ):
            customer_rows, _lines = self._export(wizard)
        self.assertEqual(customer_rows, 9)
        self.assertEqual(open_items_query.call_count, 1)

    def test_aging_rows_stream_through_a_server_side_cursor(self):
        """The aging is fetched a batch at a time: one row per fetch gives the
        same rows, a customer's buckets pivoted by the query (one row per
        customer and currency, amounts rounded in the currency)."""
        customers = self.env["res.partner"].create(
            [{"name": f"Khách hàng {n}", "is_company": True} for n in range(3)]
        )
        for customer in customers:
            self._invoice(customer, 10.0, self._days_ago(5))
            self._invoice(customer, 5.0, self._days_ago(50), self._days_ago(40))
        wizard = self._wizard()
        Report = self.env["crm.receivable.aging.report"].with_user(self.env.user)
        args = (wizard.company_id, wizard.date, wizard._get_partner_domain())
        at_once = list(Report._get_aging_rows(*args))
        before = self.env.cr.sql_log_count
        one_by_one = list(Report._get_aging_rows(*args, batch_size=1))
        fetches = self.env.cr.sql_log_count - before
        self.assertEqual(one_by_one, at_once)
        # code, name, salesperson, currency, not due, 1-30, 31-60, 61-90, > 90, total
        amounts = (self.env.company.currency_id.name, 0.0, 10.0, 5.0, 0.0, 0.0, 15.0)
        expected = [(None, customer.name, None, *amounts) for customer in customers]
        self.assertEqual(at_once, expected)
        # 3 rows: DECLARE, 3 FETCHes of a row and the empty one
        self.assertGreaterEqual(fetches, 5)

    # ------------------------------------------------------------
    # Scheduled email
    # ------------------------------------------------------------

    def _aging_mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", "res.company"), ("res_id", "=", self.company.id)]
        )

    def test_monthly_email_to_the_chosen_accountants(self):
        self._invoice(self.customer, 100.0, self._days_ago(5))
        accountant = mail_new_test_user(
            self.env,
            login="crm_accounting_accountant",
            groups="base.group_user,account.group_account_user",
            email="ketoan@example.com",
        )
        self.billing_user.email = "billing@example.com"
        self.company.aging_report_user_ids = self.billing_user | accountant
        # Lost their accounting rights since they were chosen: not sent.
        self.billing_user.groups_id -= self.env.ref("account.group_account_invoice")
        self.env["res.company"].sudo()._cron_send_aging_report()
        mail = self._aging_mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, accountant.partner_id)
        self.assertEqual(len(mail.attachment_ids), 1)
        self.assertTrue(mail.attachment_ids.name.endswith(".xlsx"))
        rows = read_sheet(io.BytesIO(mail.attachment_ids.raw))
        self.assertEqual(rows[1][1], "Vận tải Biển Đông")
        self.assertEqual(self.company.aging_report_sent_date, self.today)

        self.env["res.company"].sudo()._cron_send_aging_report()
        self.assertEqual(len(self._aging_mails()), 1)

    def test_the_monthly_job_runs_on_the_company(self):
        self._invoice(self.customer, 100.0, self._days_ago(5))
        self.billing_user.email = "billing@example.com"
        self.company.aging_report_user_ids = self.billing_user
        cron = self.env.ref("crm_accounting_bridge.ir_cron_receivable_aging_report")
        self.assertEqual(cron.model_id.model, "res.company")
        cron.method_direct_trigger()
        self.assertEqual(
            self._aging_mails().recipient_ids, self.billing_user.partner_id
        )
        self.assertEqual(self.company.aging_report_sent_date, self.today)

    def test_no_email_without_recipients(self):
        self.env["res.company"].sudo()._cron_send_aging_report()
        self.assertFalse(self._aging_mails())
        self.assertFalse(self.company.aging_report_sent_date)


@tagged("post_install", "-at_install")
class TestAgingDownload(HttpCase):
    def test_download_through_the_export_route(self):
        self.authenticate("admin", "admin")
        admin = self.env.ref("base.user_admin")
        wizard = self.env["crm.receivable.aging.wizard"].with_user(admin).create({})
        action = wizard.action_export()
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Receivable%20Aging.xlsx", response.headers["Content-Disposition"]
        )
        header = read_sheet(io.BytesIO(response.content))[0]
        self.assertEqual(header[:2], ["Customer Code", "Customer"])
