from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

PRICING_GROUPS = "base.group_user,crm_freight_pricing.group_freight_pricing_user"


@tagged("post_install", "-at_install")
class TestFreightRequestMixin(BaseCommon):
    """freight.request.mixin on its smallest model: reference, delete guard,
    expected profit, salesperson notification and the reason wizard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.seller = mail_new_test_user(
            cls.env,
            login="request_seller",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.answerer = mail_new_test_user(
            cls.env, login="request_answerer", groups=PRICING_GROUPS
        )
        cls.other_answerer = mail_new_test_user(
            cls.env, login="request_other_answerer", groups=PRICING_GROUPS
        )
        cls.env["ir.sequence"].create(
            {
                "name": "Test Request",
                "code": "test.crm.suite.request",
                "prefix": "TREQ/",
                "padding": 4,
                # rolled back with each test, unlike a PostgreSQL sequence
                "implementation": "no_gap",
                "company_id": False,
            }
        )
        cls.Request = cls.env["test.crm.suite.request"]

    def _sent_request(self):
        request = as_request(self.seller, self.Request).create({})
        request.state = "sent"
        return request

    def _wizard(self, user, request, reason):
        return as_request(user, self.env["freight.request.reason"]).create(
            {"res_model": request._name, "res_id": request.id, "reason": reason}
        )

    def test_reference_from_the_declared_sequence(self):
        Request = as_request(self.seller, self.Request)
        first, second = Request.create([{}, {}])
        self.assertEqual(first.name, "TREQ/0001")
        self.assertEqual(second.name, "TREQ/0002")
        self.assertEqual(first.user_id, self.seller, "the creator is the salesperson")
        self.assertEqual(Request.create({"name": "KEPT"}).name, "KEPT")

    def test_expected_profit_comes_from_the_opportunity(self):
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Lane HCM-LAX",
                "type": "opportunity",
                "expected_revenue": 5000.0,
                "expected_profit": 750.0,
            }
        )
        request = as_request(self.seller, self.Request).create(
            {"opportunity_id": opportunity.id}
        )
        self.assertEqual(request.expected_profit, 750.0)
        request.expected_profit = 600.0
        self.assertEqual(request.expected_profit, 600.0, "the salesperson may adjust")

    def test_only_drafts_and_cancelled_are_deleted(self):
        self.seller.lang = "vi_VN"
        Request = as_request(self.seller, self.Request)
        draft, sent, cancelled = Request.create([{}, {}, {}])
        sent.state = "sent"
        cancelled.state = "cancel"
        with assert_refused(
            self, UserError, r"Chỉ có thể xóa yêu cầu ở trạng thái nháp hoặc đã hủy\."
        ):
            as_request(self.seller, sent).unlink()
        self.assertTrue(sent.exists())
        (draft | cancelled).unlink()
        self.assertFalse((draft | cancelled).exists())

    def test_reason_wizard_records_the_reason_and_tells_the_salesperson(self):
        request = self._sent_request()
        wizard = self._wizard(self.answerer, request, "  No carrier serves the lane ")
        self.assertEqual(wizard.request_name, request.name)
        wizard.action_confirm()
        request = as_request(self.seller, request)
        self.assertEqual(request.state, "refused")
        self.assertEqual(request.reason, "No carrier serves the lane")
        message = request.message_ids[0]
        self.assertEqual(message.partner_ids, self.seller.partner_id)
        self.assertEqual(message.author_id, self.answerer.partner_id)
        self.assertIn("No carrier serves the lane", message.body)

    def test_reason_wizard_refuses_an_empty_reason(self):
        request = self._sent_request()
        self.answerer.lang = "vi_VN"
        wizard = self._wizard(self.answerer, request, "   ")
        with assert_refused(self, UserError, r"Hãy nêu lý do\."):
            wizard.action_confirm()
        self.assertEqual(as_request(self.seller, request).state, "sent")
        self.assertFalse(request.reason)
        form = Form(
            as_request(self.answerer, self.env["freight.request.reason"]).with_context(
                default_res_model=request._name, default_res_id=request.id
            )
        )
        with self.assertRaises(AssertionError):
            form.save()

    def test_reason_wizard_answers_requests_only(self):
        partner = self.env["res.partner"].create({"name": "Not a request"})
        with assert_refused(
            self,
            ValidationError,
            r"A reason answers a request, not a record of res\.partner\.",
        ):
            as_request(self.answerer, self.env["freight.request.reason"]).create(
                {"res_model": "res.partner", "res_id": partner.id, "reason": "x"}
            )

    def test_a_reason_wizard_is_its_creators_alone(self):
        request = self._sent_request()
        wizard = self._wizard(self.answerer, request, "Cut-off missed")
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Reason for Answering a Request",
        ):
            as_request(self.other_answerer, wizard).read(["reason"])
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Reason for Answering a Request",
        ):
            as_request(self.other_answerer, wizard).action_confirm()
        self.assertEqual(as_request(self.seller, request).state, "sent")
        self.assertFalse(
            as_request(self.other_answerer, self.env["freight.request.reason"]).search(
                [("id", "=", wizard.id)]
            )
        )
