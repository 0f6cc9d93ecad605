from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestGroupCredit(CrmAccountingCommon):
    """A group of companies: figures rolled up on the parent company, and a credit
    limit for the whole group (issue 17, point 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Biển Đông owes 800 of its own 1,000 limit
        cls._block_on_credit()
        cls.group = cls.env["res.partner"].create(
            {
                "name": "Tập đoàn Biển Đông",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.customer.parent_id = cls.group
        # a subsidiary of another salesperson owes 600
        cls.sister = cls.env["res.partner"].create(
            {
                "name": "Biển Đông Đà Nẵng",
                "is_company": True,
                "parent_id": cls.group.id,
                "customer_type": "customer",
                "user_id": cls.other_salesman.id,
            }
        )
        cls._invoice(cls.sister, 600.0, cls.today, cls._days_ago(-10))
        # the group may use 1,500 in all: 1,400 used
        cls.group.with_user(cls.billing_user).write(
            {"use_group_credit_limit": True, "group_credit_limit": 1500.0}
        )

    def _quotation(self, partner, amount):
        order = self._order(partner, 1, amount, confirm=False)
        order.user_id = self.salesman
        return as_request(self.salesman, order)

    def test_group_figures_add_up_the_subsidiaries(self):
        self._order(self.sister, 1, 30.0)
        self._invoice(self.sister, 50.0, self._days_ago(10), self._days_ago(5))
        group = as_request(self.billing_user, self.group)
        self.assertEqual(group.group_receivable_amount, 1450.0)
        self.assertEqual(group.group_overdue_amount, 50.0)
        this_year = 50.0 if self._days_ago(10).year == self.today.year else 0.0
        self.assertEqual(group.group_revenue_this_year, 1400.0 + this_year)
        self.assertEqual(group.group_credit_used_amount, 1480.0)
        self.assertEqual(group.receivable_amount, 0.0, "its own figures stay its own")
        subsidiary = as_request(self.billing_user, self.customer)
        self.assertEqual(subsidiary.group_receivable_amount, 800.0)

    def test_own_documents_salesperson_totals_only_own_customers(self):
        group = as_request(self.salesman, self.group)
        self.assertEqual(group.group_receivable_amount, 800.0)
        self.assertEqual(group.group_credit_used_amount, 800.0)
        # the Subsidiaries tab shows them the other salesperson's row without figures
        row = group.web_read(
            {
                "group_receivable_amount": {},
                "subsidiary_ids": {"fields": {"receivable_amount": {}}},
            }
        )[0]
        self.assertEqual(row["group_receivable_amount"], 800.0)
        self.assertEqual(
            {sub["id"]: sub["receivable_amount"] for sub in row["subsidiary_ids"]},
            {self.customer.id: 800.0, self.sister.id: False},
        )
        with assert_refused(self, AccessError, "Only the salesperson of"):
            as_request(self.other_salesman, self.group).group_receivable_amount  # noqa: B018
        # the form shows the group's row without its figures
        row = as_request(self.other_salesman, self.group).web_read(
            {"group_receivable_amount": {}, "name": {}}
        )[0]
        self.assertFalse(row["group_receivable_amount"])

    def _count_group_figure_queries(self, partners):
        readers = as_request(self.billing_user, partners)
        queries = self.env.cr.sql_log_count
        readers.mapped("group_credit_used_amount")
        return self.env.cr.sql_log_count - queries

    def test_group_figures_cost_constant_queries(self):
        groups = self.group
        for index in range(4):
            parent = self.env["res.partner"].create(
                {"name": f"Group {index}", "is_company": True}
            )
            sub = self.env["res.partner"].create(
                {"name": f"Sub {index}", "is_company": True, "parent_id": parent.id}
            )
            self._invoice(sub, 10.0, self.today)
            groups |= parent
        self._count_group_figure_queries(groups)  # warm the caches
        self.assertEqual(
            self._count_group_figure_queries(groups),
            self._count_group_figure_queries(self.group),
        )
        self.assertEqual(
            as_request(self.billing_user, groups[-1]).group_receivable_amount, 10.0
        )

    def test_order_within_own_limit_refused_by_group_limit(self):
        # own: 800 + 150 = 950 of 1,000; group: 1,400 + 150 = 1,550 of 1,500
        order = self._quotation(self.customer, 150.0)
        self.assertIn(
            "The group Tập đoàn Biển Đông would use $\xa01,550.00 of its "
            "$\xa01,500.00 group credit limit.",
            order.credit_problem,
        )
        self.assertNotIn("Vận tải Biển Đông would use", order.credit_problem)
        with assert_refused(self, UserError, "Tập đoàn Biển Đông would use"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        within = self._quotation(self.customer, 100.0)
        self.assertFalse(within.credit_problem)
        within.action_confirm()
        self.assertEqual(within.state, "sale")

    def test_order_accepted_when_the_group_option_is_off(self):
        self.group.with_user(self.billing_user).use_group_credit_limit = False
        order = self._quotation(self.customer, 150.0)
        self.assertFalse(order.credit_problem)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_parent_order_counts_the_group(self):
        order = self._quotation(self.group, 150.0)
        with assert_refused(self, UserError, "group credit limit"):
            order.action_confirm()

    def test_only_accounting_sets_the_group_limit(self):
        with assert_refused(self, AccessError, "group_credit_limit"):
            as_request(self.salesman, self.group).write({"group_credit_limit": 9999.0})
        with assert_refused(self, AccessError, "use_group_credit_limit"):
            as_request(self.salesman, self.group).write(
                {"use_group_credit_limit": False}
            )
        with assert_refused(self, ValidationError, "cannot be negative"):
            as_request(self.billing_user, self.group).group_credit_limit = -1.0
        as_request(self.billing_user, self.group).group_credit_limit = 2000.0
        self.assertEqual(self.group.group_credit_limit, 2000.0)
