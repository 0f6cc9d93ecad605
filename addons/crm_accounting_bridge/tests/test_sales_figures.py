from datetime import datetime

from odoo import fields
from odoo.tests import tagged

from .common import CrmAccountingCommon

FIGURES = [
    "receivable_amount",
    "overdue_amount",
    "overdue_invoice_count",
    "credit_used_amount",
    "effective_credit_limit",
    "credit_available_amount",
    "last_order_date",
    "order_count_this_year",
    "revenue_this_year",
    "revenue_last_year",
    "average_days_to_pay",
]
# One query for the SQL figures and a few for the order lines not invoiced (Odoo
# computes their amount in Python), whatever the number of customers
QUERY_BUDGET = 11


@tagged("post_install", "-at_install")
class TestSalesFigures(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        this_year = cls.today.year
        cls.jan_this_year = fields.Date.to_date(f"{this_year}-01-02")
        cls.jun_last_year = fields.Date.to_date(f"{this_year - 1}-06-15")
        cls.dec_two_years_ago = fields.Date.to_date(f"{this_year - 2}-12-20")
        # Revenue this year: 1000 + 600 (to the contact) - 150 (credit note) = 1450
        cls.invoice_a = cls._invoice(cls.customer, 1000.0, cls.jan_this_year)
        cls._invoice(cls.customer_contact, 600.0, cls.jan_this_year)
        cls._invoice(cls.customer, 150.0, cls.jan_this_year, move_type="out_refund")
        # Revenue last year: 2000; two years ago does not count
        cls.invoice_b = cls._invoice(cls.customer, 2000.0, cls.jun_last_year)
        cls._invoice(cls.customer, 9999.0, cls.dec_two_years_ago)
        # Paid after 10 days (two payments, the last one counts) and after 30 days
        cls._pay(cls.invoice_a, 400.0, fields.Date.add(cls.jan_this_year, days=3))
        cls._pay(cls.invoice_a, 600.0, fields.Date.add(cls.jan_this_year, days=10))
        cls._pay(cls.invoice_b, 2000.0, fields.Date.add(cls.jun_last_year, days=30))
        # Orders: two confirmed this year, one last year, one quotation
        cls.last_order_date = datetime(this_year, 1, 5, 9, 0)
        cls._order(cls.customer, 1, 100.0, datetime(this_year, 1, 3, 9, 0))
        cls._order(cls.customer_contact, 1, 100.0, cls.last_order_date)
        cls._order(cls.customer, 1, 100.0, datetime(this_year - 1, 3, 1, 9, 0))
        cls._order(cls.customer, 1, 100.0, confirm=False)
        cls.idle = cls.env["res.partner"].create(
            {"name": "Khách ngủ đông", "is_company": True}
        )

    def test_figures(self):
        self.assertEqual(self.customer.revenue_this_year, 1450.0)
        self.assertEqual(self.customer.revenue_last_year, 2000.0)
        self.assertEqual(self.customer.order_count_this_year, 2)
        self.assertEqual(self.customer.last_order_date, self.last_order_date)
        self.assertEqual(self.customer.average_days_to_pay, 20.0)
        self.assertEqual(self.customer_contact.revenue_this_year, 1450.0)
        self.assertFalse(self.idle.last_order_date)
        self.assertEqual(self.idle.revenue_this_year, 0.0)
        self.assertEqual(self.idle.average_days_to_pay, 0.0)

    def test_foreign_currency_revenue_in_company_currency(self):
        eur = self.setup_other_currency("EUR", rates=[("1900-01-01", 4.0)])
        self._invoice(self.customer, 400.0, self.jan_this_year, currency=eur)
        self.assertEqual(self.customer.revenue_this_year, 1550.0)

    def test_salesman_reads_figures(self):
        customer = self.customer.with_user(self.salesman)
        self.assertEqual(customer.revenue_this_year, 1450.0)
        self.assertEqual(customer.order_count_this_year, 2)
        self.assertEqual(customer.average_days_to_pay, 20.0)

    def test_search_and_rank(self):
        partners = self.customer + self.idle
        Partner = self.env["res.partner"]
        scope = [("id", "in", partners.ids)]
        self.assertEqual(
            Partner.search(scope + [("revenue_this_year", ">", 1000)]), self.customer
        )
        self.assertEqual(
            Partner.search(scope + [("revenue_last_year", "=", 0)]), self.idle
        )
        self.assertEqual(
            Partner.search(scope + [("order_count_this_year", "=", 0)]), self.idle
        )
        self.assertEqual(
            Partner.search(scope + [("order_count_this_year", ">", 0)]), self.customer
        )
        self.assertEqual(
            Partner.search(scope + [("revenue_last_year", "!=", 0)]), self.customer
        )
        self.assertEqual(
            Partner.search(scope + [("average_days_to_pay", ">=", 20)]), self.customer
        )
        self.assertEqual(
            Partner.search(scope + [("last_order_date", "=", False)]), self.idle
        )
        self.assertEqual(
            Partner.search(scope + [("last_order_date", ">=", self.last_order_date)]),
            self.customer,
        )
        for fname in (
            "revenue_this_year",
            "revenue_last_year",
            "order_count_this_year",
            "last_order_date",
            "overdue_amount",
        ):
            self.assertTrue(Partner._fields[fname]._description_sortable(self.env))
        self.assertEqual(
            Partner.search(scope, order="revenue_this_year desc").ids,
            [self.customer.id, self.idle.id],
        )
        self.assertEqual(
            Partner.search(scope, order="order_count_this_year asc").ids,
            [self.idle.id, self.customer.id],
        )
        self.assertEqual(
            Partner.search(scope, order="last_order_date desc nulls last").ids,
            [self.customer.id, self.idle.id],
        )

    def test_query_count_does_not_grow_with_customers(self):
        few, many = self._create_customers(5), self._create_customers(50)
        # Warm the registry caches (access rights, rules) that a real server keeps.
        self.customer.read(FIGURES)
        for partners in (few, many):
            self.env.invalidate_all()
            with self.assertQueryCount(QUERY_BUDGET):
                partners.read(FIGURES)
        self.assertEqual(many[-1].revenue_this_year, 100.0)
        self.assertEqual(many[-1].uninvoiced_order_amount, 50.0)
        self.assertEqual(few[0].credit_used_amount, 150.0)

    def _create_customers(self, count):
        partners = self.env["res.partner"].create(
            [
                {"name": f"Khách {count}-{index}", "is_company": True}
                for index in range(count)
            ]
        )
        for partner in partners:
            self._invoice(partner, 100.0, self.jan_this_year)
            self._order(partner, 1, 50.0)
        return partners
