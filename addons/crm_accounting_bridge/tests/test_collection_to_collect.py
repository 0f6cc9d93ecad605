import io

from dateutil.relativedelta import SU, relativedelta
import openpyxl

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.crm_customer.tests.common import assert_refused

from .collection_common import CrmCollectionCommon


def read_sheet(output):
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@tagged("post_install", "-at_install")
class TestToCollect(CrmCollectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = cls.local_today
        cls.end_of_week = today + relativedelta(weekday=SU)
        cls.overdue = cls._invoice(
            cls.customer,
            700,
            today - relativedelta(days=40),
            today - relativedelta(days=12),
            user=cls.salesman,
        )
        cls.this_week = cls._invoice(
            cls.customer,
            300,
            today - relativedelta(days=20),
            cls.end_of_week,
            user=cls.salesman,
        )
        cls.later = cls._invoice(
            cls.customer,
            100,
            today,
            cls.end_of_week + relativedelta(days=1),
            user=cls.salesman,
        )
        cls.others = cls._invoice(
            cls.other_customer, 50, today, today, user=cls.salesman
        )

    def _to_collect(self, user):
        """The invoices of the menu Customers > To Collect, its default filters on."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_accounting_bridge.account_move_action_to_collect"
        )
        domain = [
            *safe_eval(action["domain"]),
            ("commercial_partner_id.user_id", "=", user.id),
            ("invoice_date_due", "<=", self.end_of_week),
        ]
        return self.env["account.move"].with_user(user).search(domain)

    def test_my_customers_invoices_due_this_week_or_overdue(self):
        invoices = self._to_collect(self.salesman)
        self.assertEqual(invoices, self.overdue | self.this_week)
        self.assertEqual(self.overdue.with_user(self.salesman).crm_days_overdue, 12)
        self.assertEqual(self.this_week.with_user(self.salesman).crm_days_overdue, 0)

    def test_promised_date_and_last_reminder(self):
        promised = fields.Date.add(self.local_today, days=3)
        call = Form(
            self.env["crm.payment.promise"]
            .with_user(self.salesman)
            .with_context(
                **self.overdue.with_user(
                    self.salesman
                ).action_crm_log_collection_call()["context"]
            )
        )
        call.promised_date = promised
        promise = call.save()
        self.assertEqual(promise.invoice_ids, self.overdue)
        self.assertEqual(promise.interaction_id.partner_id, self.customer)
        invoices = self._to_collect(self.salesman)
        self.assertEqual(
            {
                move: (move.crm_promised_date, move.crm_last_reminder_date)
                for move in invoices
            },
            {
                self.overdue: (promised, self.local_today),
                self.this_week: (False, False),
            },
        )
        # an overdue notice e-mailed later counts too; a kept promise shows no date
        notice = fields.Date.add(self.local_today, days=1)
        self.this_week.overdue_notice_date = notice
        self._pay(self.overdue, 700, self.local_today)
        self.env.invalidate_all()
        self.assertEqual(self.overdue.crm_promised_date, False)
        self.assertEqual(self.this_week.crm_last_reminder_date, notice)

    def test_reading_the_list_is_bounded_whatever_the_invoices(self):
        def read():
            # what creating the invoices left to write is not the list's to pay
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._to_collect(self.salesman).read(
                ["crm_promised_date", "crm_days_overdue", "crm_last_reminder_date"]
            )
            return self.env.cr.sql_log_count - before

        def add(count):
            for index in range(count):
                self._invoice(
                    self.customer,
                    10 + index,
                    self.local_today,
                    self.local_today,
                    user=self.salesman,
                )

        read()
        small = read()
        add(20)
        medium = read()
        add(40)
        # one query more from the first few invoices on (cache warm-up), then flat
        self.assertLessEqual(medium, small + 1)
        self.assertEqual(read(), medium)


@tagged("post_install", "-at_install")
class TestCollectionExport(CrmCollectionCommon):
    def _export(self, user, **values):
        wizard = (
            self.env["crm.collection.export.wizard"]
            .with_user(user)
            .create(
                {"date_from": self.last_month, "date_to": self.this_month, **values}
            )
        )
        output = io.BytesIO()
        rows = wizard._write_xlsx(output)
        return rows, read_sheet(output)

    def test_rows_per_month_salesperson_and_customer_with_monthly_totals(self):
        self.customer.customer_code = "KH001"
        self._invoice(self.customer, 400, self.last_month, self.last_month)
        self._invoice(self.other_customer, 250, self.this_month, self.this_month)
        self._target(1_000, self.this_month, user=self.salesman)
        rows, lines = self._export(self.accountant)
        self.assertEqual(rows, 4)
        header, *lines = lines
        self.assertEqual(
            header,
            [
                "Month",
                "Salesperson",
                "Sales Team",
                "Customer Code",
                "Customer",
                "Target",
                "Expected",
                "Collected",
            ],
        )
        last, this = self.last_month, self.this_month
        as_dates = [
            [cell.date() if hasattr(cell, "date") else cell for cell in line]
            for line in lines
        ]
        data, totals = as_dates[:4], as_dates[4:]
        self.assertCountEqual(
            data,
            [
                [
                    last,
                    self.salesman.name,
                    self.team.name,
                    "KH001",
                    self.customer.name,
                    0,
                    400,
                    0,
                ],
                [this, self.salesman.name, self.team.name, None, None, 1_000, 0, 0],
                [
                    this,
                    self.salesman.name,
                    self.team.name,
                    "KH001",
                    self.customer.name,
                    0,
                    400,
                    0,
                ],
                [
                    this,
                    self.other_salesman.name,
                    self.other_team.name,
                    self.other_customer.customer_code,
                    self.other_customer.name,
                    0,
                    250,
                    0,
                ],
            ],
        )
        self.assertEqual([line[0] for line in data], [last, this, this, this])
        self.assertEqual(
            totals,
            [
                [None] * 8,
                [None, None, None, None, f"Total {last:%m/%Y}", 0, 400, 0],
                [None, None, None, None, f"Total {this:%m/%Y}", 1_000, 650, 0],
            ],
        )
        # a salesperson exports her own rows only
        rows, _lines = self._export(self.salesman)
        self.assertEqual(rows, 3)
        rows, _lines = self._export(
            self.accountant, user_ids=[Command.set(self.other_salesman.ids)]
        )
        self.assertEqual(rows, 1)

    def test_a_period_ending_before_it_starts_is_refused(self):
        with assert_refused(self, ValidationError, "ends before it starts"):
            self._export(
                self.salesman, date_from=self.this_month, date_to=self.last_month
            )
