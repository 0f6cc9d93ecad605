from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmCustomerCommon, assert_refused


@tagged("post_install", "-at_install")
class TestCustomerRecords(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Thành Công Textile",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Sea freight FCL", "type": "service"}
        )

    def test_need_takes_product_name_and_unit(self):
        with Form(self.env["crm.customer.need"]) as need_form:
            need_form.partner_id = self.customer
            need_form.product_id = self.product
            need_form.quantity = 20
            need_form.budget = 50000
        need = need_form.record
        self.assertEqual(need.name, "Sea freight FCL")
        self.assertEqual(need.uom_id, self.product.uom_id)
        self.assertIn(need, self.customer.need_ids)

    def test_negative_budget_quantity_or_value_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["crm.customer.need"].create(
                {"partner_id": self.customer.id, "name": "Trucking", "budget": -1}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["crm.customer.need"].create(
                {"partner_id": self.customer.id, "name": "Trucking", "quantity": -3}
            )
        with self.assertRaisesRegex(ValidationError, "plausible purchase year"):
            self.env["crm.customer.need"].create(
                {
                    "partner_id": self.customer.id,
                    "name": "Trucking",
                    "expected_year": 27,
                }
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["crm.customer.project"].create(
                {"partner_id": self.customer.id, "name": "Tender", "value": -10}
            )

    def test_records_follow_sales_visibility(self):
        models = (
            "crm.customer.info",
            "crm.customer.need",
            "crm.customer.competitor.product",
            "crm.customer.project",
        )
        stranger = self.env["res.partner"].create(
            {"name": "Someone else's customer", "user_id": self.other_salesman.id}
        )
        for model in models:
            values = {"name": "Record", "content": "Record"}
            fields = self.env[model]._fields
            values = {key: value for key, value in values.items() if key in fields}
            own = (
                self.env[model]
                .with_user(self.salesman)
                .create({**values, "partner_id": self.customer.id})
            )
            foreign = (
                self.env[model]
                .with_user(self.other_salesman)
                .create({**values, "partner_id": stranger.id})
            )
            visible = (
                self.env[model]
                .with_user(self.salesman)
                .search([("id", "in", (own | foreign).ids)])
            )
            self.assertEqual(visible, own.with_user(self.salesman), model)
            with assert_refused(self, AccessError, r"doesn't have 'read' access to"):
                foreign.with_user(self.salesman).read(["partner_id"])

    def test_project_files_are_readable_by_who_reads_the_project(self):
        project = self.env["crm.customer.project"].create(
            {"partner_id": self.customer.id, "name": "Tender 2027", "value": 1000}
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": "tender.xlsx",
                "raw": b"spreadsheet",
                "res_model": project._name,
                "res_id": project.id,
            }
        )
        self.assertEqual(project.message_attachment_count, 1)
        self.assertEqual(
            attachment.with_user(self.salesman).read(["name"])[0]["name"], "tender.xlsx"
        )
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Attachment"
        ):
            attachment.with_user(self.other_salesman).read(["name"])

    def test_merging_customers_carries_their_records(self):
        duplicate = self.env["res.partner"].create(
            {
                "name": "Thanh Cong Textile",
                "is_company": True,
                "customer_type": "customer",
            }
        )
        need = self.env["crm.customer.need"].create(
            {"partner_id": duplicate.id, "name": "Air"}
        )
        info = self.env["crm.customer.info"].create(
            {"partner_id": duplicate.id, "content": "New factory in Long An"}
        )
        interaction = self.env["crm.customer.interaction"].create(
            {
                "partner_id": duplicate.id,
                "name": "Call",
                "type_id": self.env.ref("crm_customer.interaction_type_call").id,
            }
        )
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "dst_partner_id": self.customer.id,
                "partner_ids": [(6, 0, (self.customer | duplicate).ids)],
            }
        )
        wizard.action_merge()
        self.assertFalse(duplicate.exists())
        self.assertEqual(need.partner_id, self.customer)
        self.assertEqual(info.partner_id, self.customer)
        self.assertEqual(interaction.partner_id, self.customer)
