from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon

FIGURES = [
    "receivable_amount",
    "overdue_amount",
    "overdue_invoice_count",
    "overdue_days",
    "uninvoiced_order_amount",
    "effective_credit_limit",
    "credit_used_amount",
    "credit_available_amount",
    "credit_exceeded",
    "last_order_date",
    "order_count_this_year",
    "revenue_this_year",
    "revenue_last_year",
    "average_days_to_pay",
]
SEARCHABLE = [
    "receivable_amount",
    "overdue_amount",
    "overdue_invoice_count",
    "overdue_days",
    "effective_credit_limit",
    "last_order_date",
    "order_count_this_year",
    "revenue_this_year",
    "revenue_last_year",
    "average_days_to_pay",
]
NO_FIELD_RIGHTS = "You do not have enough rights to access the fields"
NOT_YOUR_CUSTOMER = "Only the salesperson of Vận tải Biển Đông"


@tagged("post_install", "-at_install")
class TestFiguresAccess(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 800 owed, 300 of it overdue; one confirmed order of 200 not invoiced
        cls._invoice(cls.customer, 500.0, cls.today, cls._days_ago(-10))
        cls._invoice(cls.customer, 300.0, cls._days_ago(40), cls._days_ago(10))
        cls._order(cls.customer, 1, 200.0)
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Dệt may Sông Hồng",
                "is_company": True,
                "user_id": cls.salesman.id,
            }
        )
        cls._invoice(cls.other_customer, 100.0, cls.today, cls._days_ago(-10))
        company = {
            "company_id": cls.company.id,
            "company_ids": [(6, 0, cls.company.ids)],
        }
        cls.employee = mail_new_test_user(
            cls.env, login="crm_figures_employee", groups="base.group_user", **company
        )
        cls.operations = mail_new_test_user(
            cls.env,
            login="crm_figures_operations",
            groups="base.group_user,base.group_partner_manager",
            **company,
        )
        cls.all_documents = mail_new_test_user(
            cls.env,
            login="crm_figures_all_documents",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
            **company,
        )
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_figures_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            **company,
        )
        cls.auditor = mail_new_test_user(
            cls.env,
            login="crm_figures_auditor",
            groups="base.group_user,account.group_account_readonly",
            **company,
        )
        cls.invoicing = mail_new_test_user(
            cls.env,
            login="crm_figures_invoicing",
            groups="base.group_user,account.group_account_invoice",
            **company,
        )

    def test_sales_and_accounting_read_the_figures(self):
        for user in (
            self.salesman,
            self.all_documents,
            self.sales_manager,
            self.auditor,
            self.invoicing,
        ):
            with self.subTest(user=user.login):
                customer = as_request(user, self.customer)
                values = customer.read(FIGURES)[0]
                self.assertEqual(values["receivable_amount"], 800.0)
                self.assertEqual(values["overdue_amount"], 300.0)
                self.assertEqual(values["overdue_days"], 10)
                self.assertEqual(values["uninvoiced_order_amount"], 200.0)
                self.assertEqual(values["credit_used_amount"], 1000.0)
                self.assertEqual(values["order_count_this_year"], 1)
                self.assertEqual(
                    customer.search(
                        [("id", "=", self.customer.id), ("overdue_amount", "=", 300)]
                    ),
                    customer,
                )

    def test_users_without_sales_or_accounting_rights_are_refused(self):
        for user in (self.employee, self.operations):
            partners = as_request(user, self.customer)
            for fname in FIGURES:
                with (
                    self.subTest(user=user.login, field=fname),
                    self.assertRaisesRegex(AccessError, NO_FIELD_RIGHTS),
                ):
                    as_request(user, self.customer).read([fname])
            for fname in SEARCHABLE:
                with (
                    self.subTest(user=user.login, search=fname),
                    self.assertRaisesRegex(AccessError, NO_FIELD_RIGHTS),
                ):
                    partners.search([(fname, ">", 0)])
                with (
                    self.subTest(user=user.login, order=fname),
                    self.assertRaisesRegex(AccessError, NO_FIELD_RIGHTS),
                ):
                    partners.search([], order=f"{fname} desc")
            # The customer itself stays readable
            self.assertEqual(partners.name, "Vận tải Biển Đông")

    def test_own_documents_salesperson_reads_only_own_customers(self):
        customer = as_request(self.other_salesman, self.customer)
        for fname in FIGURES:
            with (
                self.subTest(field=fname),
                self.assertRaisesRegex(AccessError, NOT_YOUR_CUSTOMER),
            ):
                as_request(self.other_salesman, self.customer).read([fname])
        with self.assertRaisesRegex(AccessError, NOT_YOUR_CUSTOMER):
            as_request(self.other_salesman, self.customer_contact).read(
                ["receivable_amount"]
            )
        self.assertEqual(customer.name, "Vận tải Biển Đông")
        # Customers without salesperson are everyone's, as their orders are.
        unassigned = self.env["res.partner"].create(
            {"name": "Khách vãng lai", "is_company": True}
        )
        self._invoice(unassigned, 70.0, self.today)
        self.assertEqual(
            as_request(self.other_salesman, unassigned).receivable_amount, 70.0
        )

    def test_binary_search_recovers_nothing(self):
        """A salesperson bisecting another's customer's debt learns nothing: every
        condition on the hidden figure leaves that customer out."""
        partners = as_request(self.other_salesman, self.customer)
        scope = [("id", "in", (self.customer | self.customer_contact).ids)]
        for probe in (0, 1, 299, 300, 301, 799, 800, 801, 5000):
            for operator in ("<", "<=", ">", ">=", "=", "!="):
                self.assertFalse(
                    partners.search(scope + [("receivable_amount", operator, probe)]),
                    f"receivable_amount {operator} {probe}",
                )
        for fname in SEARCHABLE:
            for operator, value in (("!=", -1), ("=", 0), ("=", False)):
                if fname == "last_order_date" and value is not False:
                    continue
                self.assertFalse(
                    partners.search(scope + [(fname, operator, value)]), fname
                )
        # The salesperson's own customers are found as usual
        own = as_request(self.salesman, self.customer)
        self.assertEqual(
            own.search(scope + [("receivable_amount", "=", 800)]),
            self.customer | self.customer_contact,
        )

    def test_sorting_does_not_depend_on_hidden_figures(self):
        customers = self.customer | self.other_customer
        ascending = as_request(self.other_salesman, customers).search(
            [("id", "in", customers.ids)], order="receivable_amount asc, id"
        )
        descending = as_request(self.other_salesman, customers).search(
            [("id", "in", customers.ids)], order="receivable_amount desc, id"
        )
        self.assertEqual(ascending.ids, descending.ids)
        self.assertEqual(
            as_request(self.salesman, customers)
            .search([("id", "in", customers.ids)], order="receivable_amount desc")
            .ids,
            [self.customer.id, self.other_customer.id],
        )

    def test_customer_list_costs_constant_queries(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Khách {index}", "is_company": True} for index in range(80)]
        )
        for partner in partners[:10]:
            self._invoice(partner, 100.0, self.today)
        # Warm the registry caches (access rights, rules) that a real server keeps.
        as_request(self.invoicing, self.customer).read(FIGURES)
        for batch in (partners[:8], partners):
            records = as_request(self.invoicing, batch)
            with self.assertQueryCount(8):
                records.read(FIGURES)
        self.assertEqual(records[0].receivable_amount, 100.0)

    def test_customer_list_of_an_own_documents_salesperson(self):
        """The web client's list and form show another salesperson's customers with
        empty figures and no Receivables tab, instead of failing."""
        customers = self.customer | self.other_customer
        self.other_customer.user_id = self.other_salesman
        specification = {
            "name": {},
            "receivable_amount": {},
            "revenue_this_year": {},
            "figures_readable": {},
        }
        rows = as_request(self.other_salesman, customers).web_search_read(
            [("id", "in", customers.ids)], specification, order="id"
        )["records"]
        self.assertEqual(
            [
                (row["name"], row["receivable_amount"], row["figures_readable"])
                for row in rows
            ],
            [("Vận tải Biển Đông", False, False), ("Dệt may Sông Hồng", 100.0, True)],
        )
        # Users without sales or accounting rights still get the error.
        with self.assertRaisesRegex(AccessError, NO_FIELD_RIGHTS):
            as_request(self.operations, customers).web_search_read(
                [("id", "in", customers.ids)], specification
            )
