"""Salespeople's and the sales manager's day on opportunities and customers, acting
as in a web request."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestRoleDay(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_docs_salesman = mail_new_test_user(
            cls.env,
            login="pipeline_day_all_docs",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_salesman_all_leads",
        )
        cls.colleagues_customer = cls.env["res.partner"].create(
            {
                "name": "Công ty TNHH Cà phê Tây Nguyên",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.other_salesman.id,
            }
        )
        cls.colleagues_opportunity = cls.env["crm.lead"].create(
            {
                "name": "Cà phê đi Hamburg",
                "type": "opportunity",
                "partner_id": cls.colleagues_customer.id,
                "user_id": cls.other_salesman.id,
                "expected_revenue": 12000.0,
            }
        )

    def _handover(self, user):
        return (
            as_request(user, self.env["crm.customer.reassign.wizard"])
            .with_context(
                active_model="res.partner", active_ids=self.colleagues_customer.ids
            )
            .create(
                {
                    "user_id": self.salesman.id,
                    "handover_note": "<p>Khách quen, gọi buổi sáng</p>",
                }
            )
        )

    def test_all_documents_salesperson_works_colleagues_opportunities(self):
        Lead = as_request(self.all_docs_salesman, self.env["crm.lead"])
        found = Lead.search([("partner_id", "=", self.colleagues_customer.id)])
        self.assertEqual(found, self.colleagues_opportunity)
        found.write({"expected_revenue": 15000.0, "probability": 60.0})
        self.assertEqual(self.colleagues_opportunity.expected_revenue, 15000.0)
        quotation = as_request(self.all_docs_salesman, self.env["sale.order"]).create(
            {
                "partner_id": self.colleagues_customer.id,
                "opportunity_id": self.colleagues_opportunity.id,
                "user_id": self.other_salesman.id,
            }
        )
        self.assertEqual(quotation.opportunity_id, self.colleagues_opportunity)
        self.assertEqual(self.colleagues_opportunity.quotation_count, 1)

    def test_own_documents_salesperson_does_not_see_colleagues_opportunities(self):
        Lead = as_request(self.salesman, self.env["crm.lead"])
        self.assertFalse(
            Lead.search([("partner_id", "=", self.colleagues_customer.id)])
        )
        with self.assertRaisesRegex(AccessError, r"\(crm\.lead\)"):
            as_request(self.salesman, self.colleagues_opportunity).read(["name"])

    def test_sales_manager_hands_customers_over(self):
        self._handover(self.sales_manager).action_reassign()
        self.assertEqual(self.colleagues_customer.user_id, self.salesman)
        self.assertEqual(self.colleagues_customer.previous_user_id, self.other_salesman)
        self.assertEqual(self.colleagues_opportunity.user_id, self.salesman)
        # the new owner now works the opportunity herself
        opportunity = as_request(self.salesman, self.colleagues_opportunity)
        self.assertEqual(opportunity.name, "Cà phê đi Hamburg")

    def test_salespeople_cannot_hand_customers_over(self):
        for user in (self.salesman, self.all_docs_salesman):
            with self.assertRaisesRegex(
                AccessError,
                r"not allowed to create .*\(crm\.customer\.reassign\.wizard\)",
            ):
                self._handover(user)
        self.assertEqual(self.colleagues_customer.user_id, self.other_salesman)


@tagged("post_install", "-at_install")
class TestPortalCustomerDay(SalesPipelineCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.is_company = True
        contact = cls.env["res.partner"].create(
            {"name": "Trần Thị Hoa", "parent_id": cls.customer.id}
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="pipeline_day_portal",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        other_customer = cls.env["res.partner"].create(
            {"name": "Công ty CP Đối Thủ", "is_company": True}
        )
        cls.own_quotation = cls._quotation(client_order_ref="HOA-ORDER-1")
        cls.other_quotation = cls._quotation(
            partner_id=other_customer.id, client_order_ref="OTHER-ORDER-9"
        )
        (cls.own_quotation | cls.other_quotation).action_quotation_sent()

    def test_portal_customer_sees_own_quotations_only(self):
        self.authenticate("pipeline_day_portal", "pipeline_day_portal")
        response = self.url_open("/my/quotes")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own_quotation.name, response.text)
        self.assertNotIn(self.other_quotation.name, response.text)
        response = self.url_open(f"/my/orders/{self.own_quotation.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("HOA-ORDER-1", response.text)
        response = self.url_open(f"/my/orders/{self.other_quotation.id}")
        self.assertNotIn("OTHER-ORDER-9", response.text)
        self.assertNotIn(self.other_quotation.name, response.text)
        self.assertTrue(response.url.endswith("/my"), "sent back to the portal home")
