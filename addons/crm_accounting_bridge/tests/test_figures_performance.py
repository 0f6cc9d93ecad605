from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon

# the customer list's figure columns (crm_accounting_bridge's list view)
LIST_FIGURES = [
    "last_order_date",
    "order_count_this_year",
    "revenue_this_year",
    "revenue_last_year",
    "average_days_to_pay",
    "receivable_amount",
    "overdue_amount",
]


@tagged("post_install", "-at_install")
class TestFiguresPerformance(CrmAccountingCommon):
    """A customer list page filtered, sorted and shown by figures costs the same
    queries for 10 and for 40 customers: the filter is one subquery, the sort one
    joined aggregate, the columns one query (scripts/bench/bench_customer_figures.py
    measures the time at 100,000 customers)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_figures_perf_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.customers = cls.env["res.partner"].create(
            [
                {
                    "name": f"Khách hàng {index:02d}",
                    "is_company": True,
                    "customer_type": "customer",
                    "user_id": cls.salesman.id,
                }
                for index in range(40)
            ]
        )
        # overdue amounts 100, 200, ... so that the order is known
        for index, customer in enumerate(cls.customers):
            cls._invoice(
                customer, 100.0 * (index + 1), cls._days_ago(40), cls._days_ago(10)
            )

    def _page(self, customers, order="overdue_amount desc"):
        specification = {fname: {} for fname in ["name", *LIST_FIGURES]}
        return as_request(self.sales_manager, customers).web_search_read(
            [("id", "in", customers.ids), ("overdue_amount", ">", 0)],
            specification,
            order=order,
            limit=80,
        )

    def test_list_page_costs_the_same_queries_at_two_sizes(self):
        self._page(self.customers[:2])  # warm the registry caches a server keeps
        counts = []
        for customers in (self.customers[:10], self.customers):
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            rows = self._page(customers)["records"]
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(rows), len(customers))
            self.assertEqual(rows[0]["id"], customers[-1].id)
            self.assertEqual(rows[0]["overdue_amount"], 100.0 * len(customers))
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 12)

    def test_figure_columns_add_at_most_three_queries(self):
        customers = self.customers
        as_request(self.sales_manager, customers).web_search_read(
            [("id", "in", customers.ids)], {"name": {}, "overdue_amount": {}}
        )
        counts = []
        with_figures = {fname: {} for fname in ["name", *LIST_FIGURES]}
        for specification in ({"name": {}}, with_figures):
            records = as_request(self.sales_manager, customers)
            before = self.env.cr.sql_log_count
            records.web_search_read([("id", "in", customers.ids)], specification)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(counts[1] - counts[0], 3)

    def test_sort_joins_one_aggregate(self):
        """Sorting by a figure joins its grouped subquery once instead of one
        subquery per customer, and gives the figure's order (empty customers as 0)."""
        idle = self.env["res.partner"].create(
            {"name": "Khách hàng mới", "is_company": True, "customer_type": "customer"}
        )
        partners = as_request(self.sales_manager, self.customers | idle)
        query = partners._search(
            [("id", "in", (self.customers | idle).ids)], order="overdue_amount asc"
        )
        self.assertIn("GROUP BY", query.select().code)
        self.assertEqual(
            partners.search(
                [("id", "in", (self.customers[:3] | idle).ids)],
                order="overdue_amount asc",
            ).ids,
            [idle.id, *self.customers[:3].ids],
        )
