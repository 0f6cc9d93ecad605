from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon

HOLD_REFUSED = "Lifting a credit hold takes the Grant Credit Exceptions"


@tagged("post_install", "-at_install")
class TestAccountingRoles(CrmAccountingCommon):
    """Each accounting role does its day's work as itself, with the smallest groups
    a company gives it: no contact-creation or sales rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._block_on_credit()
        company = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.accounting_manager = mail_new_test_user(
            cls.env,
            login="crm_roles_accounting_manager",
            groups="base.group_user,account.group_account_manager",
            **company,
        )
        cls.invoicing = mail_new_test_user(
            cls.env,
            login="crm_roles_invoicing",
            groups="base.group_user,account.group_account_invoice",
            **company,
        )

    def _quotation(self, amount):
        order = self._order(self.customer, 1, amount, confirm=False)
        order.user_id = self.salesman
        return order

    def test_accounting_manager_grants_an_exception(self):
        order = self._quotation(450.0)
        with self.assertRaisesRegex(UserError, "Ask an accounting manager"):
            as_request(self.salesman, order).action_confirm()
        wizard_form = Form(
            as_request(
                self.accounting_manager, self.env["crm.credit.exception.wizard"]
            ).with_context(default_order_id=order.id)
        )
        self.assertIn("1,250.00", wizard_form.credit_problem)
        wizard_form.reason = "Director's guarantee signed today"
        wizard_form.save().action_approve()
        self.assertEqual(order.credit_exception_user_id, self.accounting_manager)
        as_request(self.salesman, order).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_salesperson_cannot_grant_an_exception(self):
        order = self._quotation(450.0)
        with self.assertRaisesRegex(AccessError, "crm.credit.exception.wizard"):
            as_request(self.salesman, self.env["crm.credit.exception.wizard"]).create(
                {"order_id": order.id, "reason": "Trust me"}
            )

    def test_accounting_manager_lifts_and_restores_the_credit_hold(self):
        customer = as_request(self.accounting_manager, self.customer)
        customer.credit_hold_lifted_until = self._days_ago(-7)
        self.assertIn("Credit hold lifted until", self.customer.message_ids[0].body)
        self.assertEqual(self.customer.credit_hold_lifted_until, self._days_ago(-7))
        order = self._quotation(5000.0)
        as_request(self.salesman, order).action_confirm()
        self.assertEqual(order.state, "sale")
        as_request(self.accounting_manager, self.customer).write(
            {"credit_hold_lifted_until": False}
        )
        with self.assertRaisesRegex(UserError, "cannot be confirmed"):
            as_request(self.salesman, self._quotation(10.0)).action_confirm()

    def test_others_cannot_lift_the_credit_hold(self):
        for user in (self.salesman, self.invoicing):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(AccessError, HOLD_REFUSED),
            ):
                as_request(user, self.customer).credit_hold_lifted_until = self.today
        self.assertFalse(self.customer.credit_hold_lifted_until)

    def test_accounting_manager_edits_nothing_else_on_the_customer(self):
        with self.assertRaisesRegex(AccessError, "not allowed to modify"):
            as_request(self.accounting_manager, self.customer).write(
                {"credit_hold_lifted_until": self.today, "name": "Renamed"}
            )

    def test_billing_user_invoices_a_confirmed_order(self):
        order = self._order(self.customer, 1, 150.0)
        order.user_id = self.salesman
        order = as_request(self.invoicing, order)
        self.assertEqual(order.partner_id.receivable_amount, 800.0)
        wizard = (
            order.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "delivered"})
        )
        wizard.create_invoices()
        self.assertEqual(order.invoice_ids.amount_untaxed, 150.0)
        self.assertEqual(order.invoice_ids.state, "draft")
