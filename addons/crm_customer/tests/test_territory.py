from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, assert_refused


@tagged("post_install", "-at_install")
class TestTerritory(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.south_rep = mail_new_test_user(
            cls.env,
            login="crm_south_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.hcmc_rep = mail_new_test_user(
            cls.env,
            login="crm_hcmc_rep",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.south.territory_user_ids = cls.south_rep
        cls.hcmc.territory_user_ids = cls.hcmc_rep
        cls.in_district1, cls.in_south, cls.in_north = cls.env["res.partner"].create(
            [
                {
                    "name": "D1 Trading",
                    "classification_ids": [(6, 0, cls.district1.ids)],
                },
                {"name": "Mekong Foods", "classification_ids": [(6, 0, cls.south.ids)]},
                {"name": "Hanoi Steel", "classification_ids": [(6, 0, cls.north.ids)]},
            ]
        )
        cls.customers = cls.in_district1 | cls.in_south | cls.in_north

    def _wizard(self, user=None, **values):
        return (
            self.env["crm.customer.assign.wizard"]
            .with_user(user or self.sales_manager)
            .with_context(active_model="res.partner", active_ids=self.customers.ids)
            .create(values)
        )

    def test_assign_selected_customers_to_one_salesperson(self):
        wizard = self._wizard(mode="user", user_id=self.salesman.id)
        self.assertEqual(wizard.partner_ids, self.customers)
        wizard.action_assign()
        self.assertEqual(self.customers.user_id, self.salesman)

    def test_assign_by_the_most_specific_territory(self):
        self.in_north.user_id = self.salesman
        result = self._wizard(mode="territory").action_assign()
        self.assertEqual(self.in_district1.user_id, self.hcmc_rep)
        self.assertEqual(self.in_south.user_id, self.south_rep)
        self.assertEqual(
            self.in_north.user_id, self.salesman, "no territory: unchanged"
        )
        self.assertIn("Hanoi Steel", result["params"]["message"])

    def test_salesperson_is_required_to_assign_to_one(self):
        with self.assertRaisesRegex(UserError, "Choose the salesperson"):
            self._wizard(mode="user").action_assign()

    def test_only_managers_bulk_assign(self):
        with assert_refused(
            self, AccessError, "not allowed to create 'Assign Customers to Salespeople'"
        ):
            self._wizard(user=self.salesman, mode="user", user_id=self.salesman.id)
