from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon

# a 1x1 transparent PNG, as the portal's signature widget sends it
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8"
    "AAAAASUVORK5CYII="
)


@tagged("post_install", "-at_install")
class TestPortalSignature(SalesPipelineCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.portal_confirmation_sign = True
        cls.env.company.portal_confirmation_pay = False
        cls.original = cls._quotation(require_signature=True, require_payment=False)
        cls.original.action_quotation_sent()
        cls.revision = cls.original._create_revision("Lower rate asked")

    def _accept(self, order):
        return self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {
                "access_token": order._portal_ensure_token(),
                "name": "Nguyễn Văn Khách",
                "signature": SIGNATURE,
            },
        )

    def test_customer_signs_the_newest_revision_only(self):
        refused = self._accept(self.original)
        self.assertIn("error", refused)
        self.assertFalse(self.original.signature)
        self.assertEqual(self.original.state, "sent")

        accepted = self._accept(self.revision)
        self.assertNotIn("error", accepted)
        self.assertEqual(self.revision.signed_by, "Nguyễn Văn Khách")
        self.assertEqual(self.revision.state, "sale")

    def test_signed_revision_is_final(self):
        self._accept(self.revision)
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            self.revision._create_revision("One more change")
        with assert_refused(self, UserError, "is an old revision: revise its newest"):
            self.original._create_revision("Back to the old one")
