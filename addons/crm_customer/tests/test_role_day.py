"""Salespeople's day on the customer file, acting as in a web request."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, as_request


@tagged("post_install", "-at_install")
class TestRoleDay(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_docs_salesman = mail_new_test_user(
            cls.env,
            login="crm_customer_day_all_docs",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_salesman_all_leads",
        )
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.colleagues_customer = cls.env["res.partner"].create(
            {
                "name": "Công ty CP Thủy sản Cà Mau",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.other_salesman.id,
            }
        )
        cls.colleagues_call = (
            cls.env["crm.customer.interaction"]
            .with_user(cls.other_salesman)
            .create(
                {
                    "name": "Hỏi giá cước đi Busan",
                    "partner_id": cls.colleagues_customer.id,
                    "type_id": cls.call.id,
                }
            )
        )

    def test_all_documents_salesperson_works_colleagues_customers(self):
        customer = as_request(self.all_docs_salesman, self.colleagues_customer)
        self.assertEqual(customer.interaction_count, 1)
        interactions = as_request(
            self.all_docs_salesman, self.env["crm.customer.interaction"]
        ).search([("partner_id", "=", customer.id)])
        self.assertEqual(interactions, self.colleagues_call)
        interactions.write({"state": "done", "result": "Gửi báo giá tuần sau"})
        customer.write({"classification_ids": [(4, self.hcmc.id)]})
        as_request(self.all_docs_salesman, self.env["crm.customer.interaction"]).create(
            {
                "name": "Gặp khách thay đồng nghiệp",
                "partner_id": customer.id,
                "type_id": self.call.id,
            }
        )
        self.assertEqual(self.colleagues_call.state, "done")
        self.assertEqual(self.colleagues_customer.classification_ids, self.hcmc)
        self.assertEqual(self.colleagues_customer.interaction_count, 2)

    def test_own_documents_salesperson_keeps_to_her_customers(self):
        interactions = as_request(
            self.salesman, self.env["crm.customer.interaction"]
        ).search([("partner_id", "=", self.colleagues_customer.id)])
        self.assertFalse(interactions)
        with self.assertRaisesRegex(AccessError, r"\(crm\.customer\.interaction\)"):
            as_request(self.salesman, self.colleagues_call).read(["name"])
        with self.assertRaisesRegex(AccessError, r"\(crm\.customer\.interaction\)"):
            as_request(self.salesman, self.colleagues_call).write({"state": "done"})
        self.assertEqual(self.colleagues_call.state, "planned")
