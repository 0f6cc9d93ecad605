from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestCreditBanner(CrmAccountingCommon):
    """What the salesperson sees on a quotation beyond credit, and how far ahead an
    accounting manager may lift a hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(freeze_time("2026-12-02 03:00:00"))
        cls.today = fields.Date.to_date("2026-12-02")
        cls._block_on_credit()
        cls.accounting_manager = mail_new_test_user(
            cls.env,
            login="crm_banner_accounting_manager",
            groups="base.group_user,account.group_account_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            tz="Asia/Ho_Chi_Minh",
        )
        cls.quotation = cls._order(cls.customer, 1, 500.0, confirm=False)
        cls.quotation.user_id = cls.salesman

    def _banners(self):
        """The credit banners the salesperson's quotation shows: the suite's red
        one and Odoo's yellow one are shown when their field has a text."""
        order = as_request(self.salesman, self.quotation)
        return [
            text
            for text in (order.credit_problem, order.partner_credit_warning)
            if text
        ]

    def _lift(self, date):
        as_request(self.accounting_manager, self.customer).write(
            {"credit_hold_lifted_until": date}
        )

    def test_one_credit_banner_on_the_quotation(self):
        banners = self._banners()
        self.assertEqual(len(banners), 1)
        self.assertIn("would use", banners[0])

    def test_odoo_banner_alone_without_the_suite_check(self):
        self.company.crm_credit_control = "none"
        banners = self._banners()
        self.assertEqual(len(banners), 1)
        self.assertIn("has reached its credit limit", banners[0])

    def test_banner_gone_once_the_hold_is_lifted(self):
        self._lift(self._days_ago(-5))
        self.assertEqual(self._banners(), [])
        as_request(self.salesman, self.quotation).action_confirm()
        self.assertEqual(self.quotation.state, "sale")

    def test_banner_back_when_the_lift_ends(self):
        self._lift(self.today)
        self.assertEqual(self._banners(), [])
        with freeze_time("2026-12-03 03:00:00"):
            self.assertIn("would use", self._banners()[0])

    def test_banner_gone_once_an_exception_is_approved(self):
        wizard = Form(
            as_request(
                self.accounting_manager, self.env["crm.credit.exception.wizard"]
            ).with_context(default_order_id=self.quotation.id)
        )
        wizard.reason = "Deposit received"
        wizard.save().action_approve()
        self.assertEqual(self._banners(), [])

    def test_hold_cannot_be_lifted_until_a_past_date(self):
        with assert_refused(
            self,
            ValidationError,
            r"only be lifted until today or a later date: 12/01/2026 is past",
        ):
            self._lift(self._days_ago(1))
        self.assertFalse(self.customer.credit_hold_lifted_until)
        self.assertFalse(
            self.customer.message_ids.filtered(
                lambda message: "Credit hold lifted" in (message.body or "")
            )
        )
        self.assertTrue(self._banners())

    def test_refusal_is_translated(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["crm_accounting_bridge"], ["vi_VN"]
        )
        self.accounting_manager.lang = "vi_VN"
        with assert_refused(self, ValidationError, "đã qua"):
            self._lift(self._days_ago(1))
