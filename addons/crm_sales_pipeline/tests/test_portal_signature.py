from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

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

    def test_old_revision_page_names_its_replacement(self):
        """The customer, logged in to the portal, opens the link of the first
        e-mail: the page says which revision replaced it, and accepting it is
        refused with that same sentence."""
        mail_new_test_user(
            self.env,
            login="portal_buyer",
            groups="base.group_portal",
            partner_id=self.customer.id,
        )
        newest = self.revision._create_revision("Longer free time")
        self.authenticate("portal_buyer", "portal_buyer")
        response = self.url_open(self.original.get_portal_url())
        self.assertEqual(response.status_code, 200)
        message = (
            f"{self.original.name} was replaced by {newest.name}: open {newest.name} "
            "to review and accept the current offer."
        )
        self.assertIn(message, response.text)
        self.assertIn(f"/my/orders/{newest.id}?access_token=", response.text)
        refused = self._accept(self.original)
        self.assertEqual(refused, {"error": message})
        self.assertFalse(self.original.signature)
