from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import tagged

from .collection_common import CrmCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionReport(CrmCollectionCommon):
    """Hand-computed figures of the salesperson's customer (company currency USD):

    ======== =========================================== ======== ======== =========
    invoice  what                                        expected expected collected
                                                         last m.  this m.
    ======== =========================================== ======== ======== =========
    overdue  1,000 due last month; 300 paid last month,  1,000    700      300 last,
             200 this month                                                 200 this
    eur      400 EUR at 2 EUR/USD (200 USD) due today;            200      50 this
             100 EUR paid this month at 4 EUR/USD
    refunded 300 due today; a 300 credit note matched             300      0
    promised 500 due today, promised next month                   (next)
    ======== =========================================== ======== ======== =========
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        last_month, this_month = cls.last_month, cls.this_month
        cls.eur = cls.setup_other_currency(
            "EUR", rates=[("1900-01-01", 2.0), (this_month.isoformat(), 4.0)]
        )
        invoice_day = last_month + relativedelta(days=9)
        cls.overdue = cls._invoice(
            cls.customer, 1_000, last_month, last_month + relativedelta(days=4)
        )
        cls._pay(cls.overdue, 300, last_month + relativedelta(days=19))
        cls._pay(cls.overdue, 200, this_month)
        cls.eur_invoice = cls._invoice(
            cls.customer, 400, invoice_day, cls.local_today, currency=cls.eur
        )
        cls._pay(cls.eur_invoice, 100, this_month, currency=cls.eur)
        cls.refunded = cls._invoice(cls.customer, 300, invoice_day, cls.local_today)
        refund = cls._invoice(
            cls.customer, 300, this_month, this_month, move_type="out_refund"
        )
        (cls.refunded | refund).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).reconcile()
        cls.promised = cls._invoice(cls.customer, 500, invoice_day, cls.local_today)
        cls.promise_date = cls.next_month + relativedelta(days=4)
        cls.env["crm.payment.promise"].with_user(cls.salesman).create(
            {
                "partner_id": cls.customer.id,
                "promised_date": cls.promise_date,
                "invoice_ids": [Command.set(cls.promised.ids)],
            }
        )
        cls.other_invoice = cls._invoice(
            cls.other_customer, 250, invoice_day, cls.local_today
        )
        cls._target(1_500, this_month, user=cls.salesman)
        cls._target(1_000, last_month, user=cls.salesman)
        cls._target(800, this_month, user=cls.other_salesman)
        cls._target(5_000, this_month, team=cls.team)

    def test_expected_collected_and_target_per_month(self):
        figures = self._figures(self.accountant)
        self.assertEqual(
            figures[self.salesman, self.last_month], (1_000.0, 1_000.0, 300.0)
        )
        # 700 still owed on the overdue invoice, 200 + 300 due today; 200 + the
        # euro invoice's 100 EUR at its own rate (50 USD), never the credit note
        self.assertEqual(
            figures[self.salesman, self.this_month], (1_500.0, 1_200.0, 250.0)
        )
        # the promise moved its invoice to the month the customer promised
        self.assertEqual(figures[self.salesman, self.next_month], (0.0, 500.0, 0.0))
        self.assertEqual(
            figures[self.other_salesman, self.this_month], (800.0, 250.0, 0.0)
        )
        team_only = self._figures(self.accountant, [("user_id", "=", False)])
        self.assertEqual(
            team_only, {(self.env["res.users"], self.this_month): (5_000.0, 0.0, 0.0)}
        )

    def test_rows_show_the_invoice_and_its_expected_date(self):
        rows = self.Report.with_user(self.accountant).search(
            [("kind", "=", "expected"), ("move_id", "in", self.promised.ids)]
        )
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.expected_date, self.promise_date)
        self.assertEqual(rows.date_due, self.local_today)
        self.assertEqual(rows.date, self.next_month)
        self.assertEqual(rows.partner_id, self.customer)
        self.assertEqual(rows.team_id, self.team)
        self.assertEqual(rows.currency_id, self.company.currency_id)
        # carried over from the month it fell due, at what was left at the start
        carried = self.Report.with_user(self.accountant).search(
            [("kind", "=", "expected"), ("move_id", "=", self.overdue.id)]
        )
        self.assertEqual(
            sorted((row.date, row.expected_amount) for row in carried),
            [(self.last_month, 1_000.0), (self.this_month, 700.0)],
        )
        payments = self.Report.with_user(self.accountant).search(
            [("kind", "=", "collected"), ("move_id", "=", self.overdue.id)]
        )
        self.assertEqual(
            sorted(payments.mapped("payment_date")),
            [self.last_month + relativedelta(days=19), self.this_month],
        )

    def test_a_paid_invoice_is_expected_no_more(self):
        self._pay(self.other_invoice, 250, self.local_today)
        figures = self._figures(self.accountant)
        # still expected this month (open at its start), and collected
        self.assertEqual(
            figures[self.other_salesman, self.this_month], (800.0, 250.0, 250.0)
        )
        self.assertFalse(
            self.Report.search(
                [
                    ("move_id", "=", self.other_invoice.id),
                    ("date", ">", self.this_month),
                ]
            )
        )

    def test_salesperson_reads_only_her_own_rows(self):
        figures = self._figures(self.salesman)
        self.assertEqual(
            set(figures),
            {
                (self.salesman, self.last_month),
                (self.salesman, self.this_month),
                (self.salesman, self.next_month),
            },
        )
        self.assertEqual(
            figures[self.salesman, self.this_month], (1_500.0, 1_200.0, 250.0)
        )

    def test_team_leader_reads_the_team(self):
        figures = self._figures(self.team_leader, by=("team_id",))
        self.assertEqual(
            figures,
            {
                (self.team, self.last_month): (1_000.0, 1_000.0, 300.0),
                (self.team, self.this_month): (6_500.0, 1_200.0, 250.0),
                (self.team, self.next_month): (0.0, 500.0, 0.0),
            },
        )

    def test_group_by_customer_classification(self):
        region = self.env["crm.customer.criterion"].create({"name": "Vùng"})
        south = self.env["crm.customer.classification"].create(
            {"name": "Miền Nam", "criterion_id": region.id}
        )
        self.customer.classification_ids = south
        figures = self._figures(
            self.accountant,
            [
                ("date", "=", self.this_month),
                ("classification_ids", "child_of", south.id),
            ],
            by=("classification_ids",),
        )
        self.assertEqual(figures, {(south, self.this_month): (0.0, 1_200.0, 250.0)})

    def test_another_companys_collections_are_invisible(self):
        other = self.setup_other_company(name="Chi nhánh Hà Nội")["company"]
        self.env.user.company_ids |= other
        self.env["account.move"].with_company(other).create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": self.this_month,
                "invoice_date_due": self.local_today,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Freight", "price_unit": 9_000.0, "tax_ids": []}
                    )
                ],
            }
        ).action_post()
        self.assertTrue(self.Report.search([("company_id", "=", other.id)]))
        for user in (self.accountant, self.salesman):
            self.assertFalse(
                self.Report.with_user(user).search([("company_id", "=", other.id)])
            )
        self.assertEqual(
            self._figures(self.accountant)[self.salesman, self.this_month],
            (1_500.0, 1_200.0, 250.0),
        )


@tagged("post_install", "-at_install")
class TestCollectionReportQueries(CrmCollectionCommon):
    def _read_report(self, user):
        """The queries of the pivot's and the list's reads, records' cache cold."""
        report = self.Report.with_user(user)
        self._read(report)  # rules and translations cached, as in a running server
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self._read(report)
        return self.env.cr.sql_log_count - before

    def _read(self, report):
        report.web_read_group(
            [],
            ["target_amount:sum", "expected_amount:sum", "collected_amount:sum"],
            ["user_id", "date:month"],
        )
        report.web_search_read(
            [("kind", "=", "expected")],
            {
                "partner_id": {},
                "move_id": {},
                "expected_date": {},
                "expected_amount": {},
            },
            limit=200,
        )

    def _add_invoices(self, count):
        for index in range(count):
            invoice = self._invoice(
                self.customer, 100 + index, self.last_month, self.last_month
            )
            if index % 2:
                self._pay(invoice, 50, self.this_month)

    def test_reading_the_report_does_not_grow_with_the_invoices(self):
        self._add_invoices(4)
        small = self._read_report(self.salesman)
        self._add_invoices(36)
        self.assertEqual(self._read_report(self.salesman), small)
        self.assertEqual(
            self._figures(self.salesman)[self.salesman, self.this_month][2],
            50.0 * 20,
        )
