from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmCustomerCommon, assert_refused


@tagged("post_install", "-at_install")
class TestClassification(CrmCustomerCommon):
    def test_full_name_shows_the_path(self):
        self.assertEqual(self.district1.display_name, "Miền Nam / TP.HCM / Quận 1")

    def test_search_by_parent_finds_customers_classified_below(self):
        in_district = self.env["res.partner"].create(
            {
                "name": "Saigon Trading",
                "classification_ids": [(6, 0, self.district1.ids)],
            }
        )
        in_south = self.env["res.partner"].create(
            {"name": "Mekong Foods", "classification_ids": [(6, 0, self.south.ids)]}
        )
        in_north = self.env["res.partner"].create(
            {"name": "Hanoi Steel", "classification_ids": [(6, 0, self.north.ids)]}
        )

        found = self.env["res.partner"].search(
            [("classification_ids", "child_of", self.south.id)]
        )

        self.assertIn(in_district, found)
        self.assertIn(in_south, found)
        self.assertNotIn(in_north, found)
        self.assertEqual(self.south.partner_count, 2)
        self.assertEqual(self.hcmc.partner_count, 1)

    def test_search_by_parent_name_uses_a_fixed_number_of_queries(self):
        """child_of goes through parent_path: no query per tree level or customer."""
        deep = self.district1
        for level in range(6):
            deep = self.Value.create(
                {
                    "name": f"Level {level}",
                    "criterion_id": self.region.id,
                    "parent_id": deep.id,
                }
            )
        self.env["res.partner"].create(
            [
                {"name": f"Customer {n}", "classification_ids": [(6, 0, deep.ids)]}
                for n in range(30)
            ]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            found = self.env["res.partner"].search(
                [("classification_ids", "child_of", self.south.id)]
            )
        self.assertEqual(len(found), 30)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self.assertEqual(self.south.partner_count, 30)

    def test_value_cannot_be_its_own_ancestor(self):
        with self.assertRaisesRegex(UserError, "Recursion"), self.env.cr.savepoint():
            self.south.parent_id = self.district1
        self.south.invalidate_recordset()
        self.assertFalse(self.south.parent_id)

    def test_parent_must_belong_to_the_same_criterion(self):
        with self.assertRaisesRegex(ValidationError, "same criterion"):
            self.logistics.parent_id = self.south

    def test_reorganise_by_changing_the_parent(self):
        self.hcmc.parent_id = self.north
        customer = self.env["res.partner"].create(
            {"name": "Moved", "classification_ids": [(6, 0, self.district1.ids)]}
        )
        self.assertIn(
            customer,
            self.env["res.partner"].search(
                [("classification_ids", "child_of", self.north.id)]
            ),
        )
        self.assertEqual(self.district1.display_name, "Miền Bắc / TP.HCM / Quận 1")

    def test_single_valued_criterion_refuses_two_values(self):
        with (
            self.assertRaisesRegex(ValidationError, "only one value of the criterion"),
            self.env.cr.savepoint(),
        ):
            self.env["res.partner"].create(
                {
                    "name": "Two regions",
                    "classification_ids": [(6, 0, (self.south | self.north).ids)],
                }
            )
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Two regions")]))

    def test_multi_valued_criterion_accepts_several_values(self):
        customer = self.env["res.partner"].create(
            {
                "name": "Diversified",
                "classification_ids": [
                    (6, 0, (self.logistics | self.textile | self.hcmc).ids)
                ],
            }
        )
        self.assertEqual(len(customer.classification_ids), 3)

    def test_making_a_criterion_single_valued_checks_its_customers(self):
        self.env["res.partner"].create(
            {
                "name": "Both",
                "classification_ids": [(6, 0, (self.logistics | self.textile).ids)],
            }
        )
        with self.assertRaisesRegex(ValidationError, "only one value"):
            self.industry.multi_valued = False

    def test_archived_value_stays_on_old_customers(self):
        customer = self.env["res.partner"].create(
            {"name": "Old customer", "classification_ids": [(6, 0, self.hcmc.ids)]}
        )
        self.hcmc.active = False
        customer.invalidate_recordset()
        self.assertEqual(customer.classification_ids, self.hcmc)

    def test_salesman_reads_values_but_only_manager_defines_them(self):
        self.assertTrue(self.south.with_user(self.salesman).display_name)
        with assert_refused(
            self, AccessError, "not allowed to create 'Customer Classification Value'"
        ):
            self.Value.with_user(self.salesman).create(
                {"name": "Rogue", "criterion_id": self.region.id}
            )
        value = self.Value.with_user(self.sales_manager).create(
            {
                "name": "Miền Tây",
                "criterion_id": self.region.id,
                "parent_id": self.south.id,
            }
        )
        self.assertEqual(value.parent_id, self.south)

    def test_classify_customer_in_form(self):
        with Form(self.env["res.partner"]) as partner_form:
            partner_form.name = "Form Customer"
            partner_form.classification_ids.add(self.district1)
            partner_form.classification_ids.add(self.logistics)
        customer = partner_form.record
        self.assertEqual(customer.classification_ids, self.district1 | self.logistics)
