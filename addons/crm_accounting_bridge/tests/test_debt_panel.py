from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestDebtPanel(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.setup_other_currency("EUR", rates=[("1900-01-01", 2.0)])
        # 1000 due 45 days ago, 400 paid: 600 overdue
        cls.partly_paid = cls._invoice(
            cls.customer, 1000.0, cls._days_ago(60), cls._days_ago(45)
        )
        cls._pay(cls.partly_paid, 400.0, cls._days_ago(30))
        # 500 due 10 days ago: overdue
        cls.unpaid = cls._invoice(
            cls.customer, 500.0, cls._days_ago(20), cls._days_ago(10)
        )
        # 300 due in 30 days: not overdue yet
        cls.not_due = cls._invoice(cls.customer, 300.0, cls.today, cls._days_ago(-30))
        # 250 paid in full: no longer owed
        cls.paid = cls._invoice(
            cls.customer, 250.0, cls._days_ago(40), cls._days_ago(30)
        )
        cls._pay(cls.paid, 250.0, cls._days_ago(35))
        # Credit note of 200 not allocated yet: lowers the balance, not the overdue
        cls.refund = cls._invoice(
            cls.customer, 200.0, cls.today, move_type="out_refund"
        )
        # 400 EUR at 2 EUR per USD = 200 USD, due 5 days ago: overdue
        cls.in_euros = cls._invoice(
            cls.customer, 400.0, cls._days_ago(15), cls._days_ago(5), currency=cls.eur
        )
        # Invoiced to the contact, owed by the company: 100 not due
        cls.to_contact = cls._invoice(
            cls.customer_contact, 100.0, cls.today, cls._days_ago(-10)
        )
        # Confirmed order of 2 x 150 not invoiced: counts in credit used
        cls._order(cls.customer, 2, 150.0)
        # Quotations do not
        cls._order(cls.customer, 10, 100.0, confirm=False)
        cls.company.account_use_credit_limit = True
        cls.customer.credit_limit = 2000.0

    def test_receivable_figures(self):
        self.assertEqual(self.customer.receivable_amount, 1500.0)
        self.assertEqual(self.customer.overdue_amount, 1300.0)
        self.assertEqual(self.customer.overdue_invoice_count, 3)
        self.assertEqual(self.customer.overdue_days, 45)
        # Odoo's own receivable agrees with the panel
        self.assertEqual(self.customer.credit, 1500.0)

    def test_contact_shows_company_figures(self):
        self.assertEqual(self.customer_contact.receivable_amount, 1500.0)
        self.assertEqual(self.customer_contact.overdue_amount, 1300.0)

    def test_credit_figures(self):
        self.assertEqual(self.customer.uninvoiced_order_amount, 300.0)
        self.assertEqual(self.customer.credit_used_amount, 1800.0)
        self.assertEqual(self.customer.effective_credit_limit, 2000.0)
        self.assertEqual(self.customer.credit_available_amount, 200.0)
        self.assertFalse(self.customer.credit_exceeded)

        self.customer.credit_limit = 1500.0
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.credit_available_amount, -300.0)
        self.assertTrue(self.customer.credit_exceeded)

    def test_foreign_currency_order_counts_in_company_currency(self):
        pricelist = self.env["product.pricelist"].create(
            {"name": "EUR", "currency_id": self.eur.id}
        )
        order = self._order(self.customer, 1, 400.0, confirm=False)
        order.pricelist_id = pricelist
        order.order_line.price_unit = 400.0
        order.action_confirm()
        self.customer.invalidate_recordset()
        # 400 EUR at 2 EUR per USD
        self.assertEqual(self.customer.uninvoiced_order_amount, 500.0)
        self.assertEqual(self.customer.credit_used_amount, 2000.0)

    def test_no_limit_when_company_does_not_use_credit_limits(self):
        self.company.account_use_credit_limit = False
        self.assertEqual(self.customer.effective_credit_limit, 0.0)
        self.assertEqual(self.customer.credit_available_amount, 0.0)
        self.assertFalse(self.customer.credit_exceeded)
        self.assertEqual(self.customer.credit_used_amount, 1800.0)

    def test_invoicing_an_order_moves_it_to_the_balance(self):
        order = self._order(self.customer, 1, 80.0)
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.uninvoiced_order_amount, 380.0)
        order._create_invoices().action_post()
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.uninvoiced_order_amount, 300.0)
        self.assertEqual(self.customer.receivable_amount, 1580.0)
        self.assertEqual(self.customer.credit_used_amount, 1880.0)

    def test_each_company_sees_its_own_figures(self):
        other = self.setup_other_company(name="Công ty Hà Nội")["company"]
        self.env.user.company_ids |= other
        self._invoice_in(other, 700.0)
        self.customer.with_company(other).credit_limit = 5000.0
        in_other = self.customer.with_company(other)
        self.assertEqual(in_other.receivable_amount, 700.0)
        self.assertEqual(in_other.overdue_amount, 700.0)
        self.assertEqual(in_other.uninvoiced_order_amount, 0.0)
        self.assertEqual(self.customer.receivable_amount, 1500.0)
        self.assertEqual(self.customer.effective_credit_limit, 2000.0)

    def _invoice_in(self, company, amount):
        move = (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "invoice_date": self._days_ago(10),
                    "invoice_date_due": self._days_ago(1),
                    "invoice_line_ids": [
                        (0, 0, {"name": "Freight", "price_unit": amount, "tax_ids": []})
                    ],
                }
            )
        )
        move.action_post()
        return move

    def test_salesman_reads_figures_not_journal_items(self):
        customer = self.customer.with_user(self.salesman)
        self.assertEqual(customer.receivable_amount, 1500.0)
        self.assertEqual(customer.overdue_amount, 1300.0)
        self.assertEqual(customer.credit_used_amount, 1800.0)
        self.assertEqual(customer.effective_credit_limit, 2000.0)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Journal Entry"
        ):
            self.unpaid.with_user(self.salesman).read(["amount_total"])
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Journal Item"
        ):
            self.unpaid.line_ids.with_user(self.salesman).read(["amount_residual"])
        payment_lines = self.partly_paid.line_ids.matched_credit_ids.credit_move_id
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Journal Item"
        ):
            payment_lines.with_user(self.salesman).read(["balance"])
        with assert_refused(
            self,
            AccessError,
            'You do not have enough rights to access the fields "credit_limit" on',
        ):
            self.customer.with_user(self.salesman).read(["credit_limit"])

    def test_negative_credit_limit_is_refused(self):
        with assert_refused(
            self,
            ValidationError,
            r"The credit limit of Vận tải Biển Đông cannot be negative\.",
        ) as error:
            self.customer.credit_limit = -1.0
        self.assertIn("cannot be negative", str(error.exception))
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.credit_limit, 2000.0)

    def test_negative_credit_term_is_refused(self):
        self.customer.credit_term_days = 30
        with assert_refused(
            self,
            ValidationError,
            "The credit term of Vận tải Biển Đông cannot be a negative number of",
        ) as error:
            self.customer.credit_term_days = -5
        self.assertIn("negative number of days", str(error.exception))
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.credit_term_days, 30)

    def test_only_accounting_sets_credit_terms(self):
        customer = self.customer.with_user(self.salesman)
        with assert_refused(
            self,
            AccessError,
            "Only the accounting department can change a customer's credit term",
        ) as error:
            customer.credit_term_days = 60
        self.assertIn("accounting department", str(error.exception))
        with assert_refused(
            self,
            AccessError,
            "Only the accounting department can change a customer's credit term",
        ) as error:
            customer.payment_conditions = "Pay when you can"
        self.assertIn("accounting department", str(error.exception))
        # Saving the form unchanged, or another field, is fine
        customer.write({"credit_term_days": 0, "phone": "+84 28 3872 1100"})
        with Form(self.env["res.partner"].with_user(self.salesman)) as form:
            form.name = "Khách mới"
        self.customer.with_user(self.billing_user).write(
            {"credit_term_days": 45, "payment_conditions": "50% deposit"}
        )
        self.assertEqual(customer.credit_term_days, 45)
        self.assertEqual(customer.payment_conditions, "50% deposit")

    def test_overdue_invoices_action(self):
        action = self.customer.action_open_overdue_invoices()
        self.assertEqual(
            self.env["account.move"].search(action["domain"]),
            self.partly_paid + self.unpaid + self.in_euros,
        )

    def test_receivable_ledger_action(self):
        action = self.customer.action_open_receivable_ledger()
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(sum(lines.mapped("balance")), 1500.0)
        self.assertEqual(
            set(lines.move_id.commercial_partner_id.ids), {self.customer.id}
        )

    def test_filters_of_the_customer_list(self):
        clean = self.env["res.partner"].create(
            {"name": "Khách sạch nợ", "is_company": True}
        )
        overdue = self.env["res.partner"].search([("overdue_amount", ">", 0)])
        self.assertIn(self.customer, overdue)
        self.assertIn(self.customer_contact, overdue)
        self.assertNotIn(clean, overdue)
        with_receivables = self.env["res.partner"].search(
            [("receivable_amount", ">", 0)]
        )
        self.assertIn(self.customer, with_receivables)
        self.assertNotIn(clean, with_receivables)

    def test_search_and_sort_on_debt(self):
        clean = self.env["res.partner"].create(
            {"name": "Khách sạch nợ", "is_company": True}
        )
        self.assertEqual(
            self.env["res.partner"].search(
                [
                    ("id", "in", (self.customer + clean).ids),
                    ("overdue_amount", ">", 1000),
                ]
            ),
            self.customer,
        )
        self.assertEqual(
            self.env["res.partner"].search(
                [
                    ("id", "in", (self.customer + clean).ids),
                    ("receivable_amount", "=", 0),
                ]
            ),
            clean,
        )
        self.assertEqual(
            self.env["res.partner"]
            .search(
                [("id", "in", (self.customer + clean).ids)],
                order="receivable_amount desc",
            )
            .ids,
            [self.customer.id, clean.id],
        )
