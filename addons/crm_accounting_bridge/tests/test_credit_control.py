from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestCreditControl(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 800 owed, due in 10 days: 200 of credit left
        cls._block_on_credit()
        cls.accounting_manager = mail_new_test_user(
            cls.env,
            login="crm_accounting_manager",
            groups="base.group_user,base.group_partner_manager,"
            "account.group_account_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _quotation(self, amount):
        order = self._order(self.customer, 1, amount, confirm=False)
        order.user_id = self.salesman
        return order.with_user(self.salesman)

    def test_order_within_credit_is_confirmed(self):
        order = self._quotation(200.0)
        self.assertFalse(order.credit_problem)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_order_beyond_credit_limit_is_blocked(self):
        order = self._quotation(250.0)
        self.assertIn(
            "would use $\xa01,050.00 of its $\xa01,000.00", order.credit_problem
        )
        with assert_refused(self, UserError, "cannot be confirmed:") as error:
            order.action_confirm()
        self.assertIn("credit exception", str(error.exception))
        self.assertEqual(order.state, "draft")

    def test_confirmed_orders_count_in_credit_used(self):
        self._quotation(150.0).action_confirm()
        with assert_refused(self, UserError, "cannot be confirmed:"):
            self._quotation(100.0).action_confirm()

    def test_orders_confirmed_together_count_for_each_other(self):
        orders = self._quotation(150.0) | self._quotation(100.0)
        with assert_refused(self, UserError, "cannot be confirmed:"):
            orders.action_confirm()
        self.assertEqual(set(orders.mapped("state")), {"draft"})

    def test_overdue_beyond_credit_term_is_blocked(self):
        self._invoice(self.customer, 50.0, self._days_ago(40), self._days_ago(20))
        self.customer.with_user(self.billing_user).credit_term_days = 30
        order = self._quotation(10.0)
        self.assertFalse(order.credit_problem)
        order.action_confirm()

        self.customer.with_user(self.billing_user).credit_term_days = 15
        order = self._quotation(10.0)
        self.assertIn("overdue for 20 days", order.credit_problem)
        self.assertIn("credit term of 15 days", order.credit_problem)
        with assert_refused(self, UserError, "cannot be confirmed:"):
            order.action_confirm()

    def test_warning_mode_confirms_and_logs(self):
        self.company.crm_credit_control = "warning"
        order = self._quotation(250.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(
            any(
                "Confirmed beyond the customer's credit" in body
                for body in order.message_ids.mapped("body")
            )
        )

    def test_no_check_mode(self):
        self.company.crm_credit_control = "none"
        order = self._quotation(5000.0)
        self.assertFalse(order.credit_problem)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(
            any(
                "beyond the customer" in body
                for body in order.message_ids.mapped("body")
            )
        )

    def test_accounting_manager_approves_an_exception(self):
        order = self._quotation(250.0)
        with assert_refused(
            self, AccessError, "not allowed to create 'Approve a Credit Exception'"
        ):
            self.env["crm.credit.exception.wizard"].with_user(self.salesman).create(
                {"order_id": order.id, "reason": "Trust me"}
            )
        wizard_form = Form(
            self.env["crm.credit.exception.wizard"]
            .with_user(self.accounting_manager)
            .with_context(default_order_id=order.id)
        )
        self.assertIn("credit limit", wizard_form.credit_problem)
        wizard_form.reason = "Paid 500 by transfer this morning"
        wizard_form.save().action_approve()
        self.assertEqual(order.credit_exception_user_id, self.accounting_manager)
        self.assertEqual(
            order.credit_exception_reason, "Paid 500 by transfer this morning"
        )
        for record in (order, self.customer):
            self.assertTrue(
                any(
                    "Paid 500 by transfer this morning" in body
                    for body in record.message_ids.mapped("body")
                )
            )
        self.assertEqual(order.credit_exception_amount, 250.0)
        # Raising the total after the approval needs a new one
        order.order_line.price_unit = 400.0
        with assert_refused(self, UserError, "cannot be confirmed:"):
            order.action_confirm()
        order.order_line.price_unit = 240.0
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        # The exception is for that order only
        with assert_refused(self, UserError, "cannot be confirmed:"):
            self._quotation(10.0).action_confirm()

    def test_grant_credit_exceptions_is_a_permission_of_its_own(self):
        """A billing clerk given only Grant Credit Exceptions approves an order
        beyond credit and lifts a hold, as an accounting manager does."""
        self.billing_user.groups_id += self.env.ref(
            "crm_accounting_bridge.group_credit_exception"
        )
        self.assertNotIn(
            self.env.ref("account.group_account_manager"), self.billing_user.groups_id
        )
        order = self._quotation(250.0)
        self.assertIn(self.billing_user, order._get_credit_approvers())
        wizard_form = Form(
            self.env["crm.credit.exception.wizard"]
            .with_user(self.billing_user)
            .with_context(default_order_id=order.id)
        )
        wizard_form.reason = "Director's approval by phone"
        wizard_form.save().action_approve()
        self.assertEqual(order.credit_exception_user_id, self.billing_user)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.customer.with_user(
            self.billing_user
        ).credit_hold_lifted_until = self._days_ago(-3)
        self.assertEqual(self.customer.credit_hold_lifted_until, self._days_ago(-3))

    def test_accounting_manager_lifts_the_credit_hold(self):
        with assert_refused(
            self,
            AccessError,
            r"Lifting a credit hold takes the Grant Credit Exceptions",
        ):
            self.customer.with_user(self.salesman).credit_hold_lifted_until = self.today
        with assert_refused(
            self,
            AccessError,
            r"Lifting a credit hold takes the Grant Credit Exceptions",
        ):
            self.customer.with_user(
                self.billing_user
            ).credit_hold_lifted_until = self.today
        self.customer.with_user(
            self.accounting_manager
        ).credit_hold_lifted_until = self._days_ago(-3)
        self.assertIn("Credit hold lifted until", self.customer.message_ids[0].body)
        order = self._quotation(5000.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

        # The lift ends with its date
        with (
            freeze_time(self._days_ago(-4)),
            assert_refused(self, UserError, "cannot be confirmed:"),
        ):
            self._quotation(10.0).action_confirm()

    def test_each_company_its_own_setting(self):
        other = self.setup_other_company(name="Chi nhánh Hà Nội")["company"]
        self.env.user.company_ids |= other
        other.crm_credit_control = "none"
        self.assertEqual(self.company.crm_credit_control, "block")
        order = (
            self.env["sale.order"]
            .with_company(other)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": other.id,
                    "order_line": [
                        (0, 0, {"product_id": self.service.id, "price_unit": 5000.0})
                    ],
                }
            )
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_salesperson_confirms_for_another_salespersons_customer(self):
        """The check counts the customer's whole credit for a salesperson who may not
        read the customer's figures, and tells only its outcome."""
        order = self._order(self.customer, 1, 250.0, confirm=False)
        self.assertEqual(order.user_id, self.other_salesman)
        with self.assertRaisesRegex(UserError, "cannot be confirmed"):
            as_request(self.other_salesman, order).action_confirm()
        small = self._order(self.customer, 1, 100.0, confirm=False)
        as_request(self.other_salesman, small).action_confirm()
        self.assertEqual(small.state, "sale")
        with self.assertRaisesRegex(AccessError, "Only the salesperson of"):
            as_request(self.other_salesman, self.customer).read(["credit_used_amount"])
