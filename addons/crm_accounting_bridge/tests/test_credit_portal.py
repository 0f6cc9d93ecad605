from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon

# A 1 x 1 pixel GIF: what the portal's signature widget posts is an image.
SIGNATURE = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


@tagged("post_install", "-at_install")
class TestCreditPortal(CrmAccountingCommon, HttpCase):
    """The customer's own path: signing or paying online a quotation that its
    credit blocks leaves the order signed (and paid), awaiting the company's
    approval, with its salesperson and accounting told why, and the customer told
    only that it awaits confirmation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 800 owed: 200 of credit left
        cls._block_on_credit()
        cls.customer.email = "mua-hang@biendong.example.com"
        cls.accounting_manager = mail_new_test_user(
            cls.env,
            login="crm_portal_accounting_manager",
            groups="base.group_user,account.group_account_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="crm_portal_customer",
            password="crm_portal_customer",
            groups="base.group_portal",
            partner_id=cls.customer_contact.id,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _quotation(self, amount, **values):
        order = self._order(self.customer, 1, amount, confirm=False)
        order.write(dict({"user_id": self.salesman.id}, **values))
        order.action_quotation_sent()
        return order

    def _assert_held_for_approval(self, order):
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.credit_approval_pending)
        activity = order.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.summary, "Awaiting credit approval")
        note = order.message_ids.filtered(
            lambda message: "needs an accounting manager" in (message.body or "")
        )
        self.assertTrue(note.subtype_id.internal)
        self.assertIn("1,250.00 of its", note.body)
        self.assertIn(self.accounting_manager.partner_id, note.partner_ids)

    def _assert_customer_sees_no_figures(self, order):
        page = self.url_open(order.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("awaits our confirmation", page.text)
        for secret in ("credit", "1,250.00", "800.00", "1,000.00"):
            self.assertNotIn(secret, page.text)

    def test_signature_beyond_credit_awaits_approval(self):
        order = self._quotation(450.0, require_signature=True, require_payment=False)
        self.authenticate("crm_portal_customer", "crm_portal_customer")
        result = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Nguyễn Văn Minh",
                "signature": SIGNATURE,
            },
        )
        self.assertNotIn("error", result)
        self.assertIn("message=sign_ok", result["redirect_url"])
        self.assertTrue(order.signature)
        self.assertEqual(order.signed_by, "Nguyễn Văn Minh")
        self._assert_held_for_approval(order)
        self._assert_customer_sees_no_figures(order)

        # The accounting manager's exception confirms the signed order.
        wizard = (
            self.env["crm.credit.exception.wizard"]
            .with_user(self.accounting_manager)
            .create({"order_id": order.id, "reason": "Deposit received by transfer"})
        )
        wizard.action_approve()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_approval_pending)

    def test_signature_within_credit_confirms(self):
        order = self._quotation(150.0, require_signature=True, require_payment=False)
        self.authenticate("crm_portal_customer", "crm_portal_customer")
        self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Nguyễn Văn Minh",
                "signature": SIGNATURE,
            },
        )
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.credit_approval_pending)

    def test_online_payment_beyond_credit_awaits_approval(self):
        order = self._quotation(450.0, require_signature=False, require_payment=True)
        method_info = self.env["account.payment.method"]._get_payment_method_information

        def with_test_method(*_args):
            # Odoo's own payment tests register their test provider's method alike.
            return dict(method_info(), none={"mode": "electronic", "type": ("bank",)})

        method_patch = patch.object(
            self.registry["account.payment.method"],
            "_get_payment_method_information",
            with_test_method,
        )
        method_patch.start()
        self.addCleanup(method_patch.stop)
        self.env["account.payment.method"].sudo().create(
            {"name": "Test method", "code": "none", "payment_type": "inbound"}
        )
        provider = self.env["payment.provider"].create(
            {
                "name": "Thẻ nội địa (test)",
                "code": "none",
                "state": "test",
                "company_id": self.company.id,
                "journal_id": self.company_data["default_journal_bank"].id,
                "payment_method_ids": [
                    Command.set([self.env.ref("payment.payment_method_unknown").id])
                ],
            }
        )
        transaction = self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": self.env.ref("payment.payment_method_unknown").id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": self.customer_contact.id,
                "reference": f"{order.name}-online",
                "operation": "online_redirect",
                "sale_order_ids": [Command.set(order.ids)],
            }
        )
        transaction._set_done()
        transaction._post_process()
        self.assertEqual(transaction.state, "done")
        self._assert_held_for_approval(order)
        self.assertTrue(transaction.payment_id)
        # Holding it again (the customer signs after paying) does not notify twice.
        order._hold_for_credit_approval()
        self.assertEqual(len(order.activity_ids), 1)
        self.authenticate("crm_portal_customer", "crm_portal_customer")
        self._assert_customer_sees_no_figures(order)
