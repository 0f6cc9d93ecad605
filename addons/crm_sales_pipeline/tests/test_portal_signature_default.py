"""Out of the box, a customer's signature in the portal confirms the quotation: the
suite leaves companies on signature, not on online prepayment."""

from odoo.tests import HttpCase, tagged

from .common import SalesPipelineCommon
from .test_portal_signature import SIGNATURE


@tagged("post_install", "-at_install")
class TestPortalSignatureDefault(SalesPipelineCommon, HttpCase):
    def test_signature_confirms_on_a_company_as_the_suite_leaves_it(self):
        new_company = self.env["res.company"].create({"name": "Giao nhận Mới"})
        self.assertTrue(new_company.portal_confirmation_sign)
        self.assertFalse(new_company.portal_confirmation_pay)
        # the test company as a new one is, whatever demo data set on it
        self.env.company.write(
            {
                "portal_confirmation_sign": new_company.portal_confirmation_sign,
                "portal_confirmation_pay": new_company.portal_confirmation_pay,
            }
        )
        order = self._quotation()
        self.assertTrue(order.require_signature)
        self.assertFalse(order.require_payment)
        order.action_quotation_sent()

        answer = self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Nguyễn Văn Khách",
                "signature": SIGNATURE,
            },
        )
        self.assertNotIn("error", answer)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.signed_by, "Nguyễn Văn Khách")
