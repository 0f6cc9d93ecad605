from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestCrmReadAccess(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.interaction = (
            cls.env["crm.customer.interaction"]
            .with_user(cls.other_salesman)
            .create(
                {
                    "name": "Negotiated the payment term",
                    "partner_id": cls.customer.id,
                    "type_id": cls.call.id,
                }
            )
        )
        cls.need = cls.env["crm.customer.need"].create(
            {"name": "20 containers a month", "partner_id": cls.customer.id}
        )

    def test_billing_user_reads_other_salesmans_interaction(self):
        interaction = self.interaction.with_user(self.billing_user)
        self.assertEqual(interaction.name, "Negotiated the payment term")
        self.assertEqual(interaction.partner_id, self.customer)
        self.assertEqual(
            self.env["crm.customer.need"]
            .with_user(self.billing_user)
            .search([("partner_id", "=", self.customer.id)]),
            self.need,
        )
        self.assertEqual(
            self.customer.with_user(self.billing_user).classification_ids,
            self.customer.classification_ids,
        )

    def test_billing_user_cannot_edit_the_customer_file(self):
        with assert_refused(
            self, AccessError, "not allowed to modify 'Customer Interaction'"
        ):
            self.interaction.with_user(self.billing_user).write({"name": "Changed"})
        with assert_refused(
            self, AccessError, "not allowed to create 'Customer Interaction'"
        ):
            self.env["crm.customer.interaction"].with_user(self.billing_user).create(
                {"name": "New", "partner_id": self.customer.id, "type_id": self.call.id}
            )
        with assert_refused(self, AccessError, "not allowed to delete 'Customer Need'"):
            self.need.with_user(self.billing_user).unlink()

    def test_salesman_still_limited_to_own_customers(self):
        other_customer = self.env["res.partner"].create(
            {
                "name": "Khách của người khác",
                "is_company": True,
                "user_id": self.other_salesman.id,
            }
        )
        interaction = (
            self.env["crm.customer.interaction"]
            .with_user(self.other_salesman)
            .create(
                {
                    "name": "Visit",
                    "partner_id": other_customer.id,
                    "type_id": self.call.id,
                }
            )
        )
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Customer Interaction",
        ):
            interaction.with_user(self.salesman).read(["name"])

    def test_accounting_managers_get_the_group(self):
        group = self.env.ref(
            "crm_accounting_bridge.crm_accounting_bridge_group_crm_read"
        )
        self.assertIn(group, self.env.ref("account.group_account_manager").implied_ids)
        self.assertIn(group, self.env.ref("account.group_account_user").implied_ids)
