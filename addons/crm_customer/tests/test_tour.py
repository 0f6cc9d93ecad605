from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCustomerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        region = cls.env["crm.customer.criterion"].create({"name": "Tour Region"})
        south = cls.env["crm.customer.classification"].create(
            {"name": "Tour South", "criterion_id": region.id}
        )
        cls.env["crm.customer.classification"].create(
            {"name": "Tour District", "criterion_id": region.id, "parent_id": south.id}
        )

    def test_create_classify_log_and_find_by_parent_region(self):
        self.start_tour("/odoo", "crm_customer_tour", login="admin")
        customer = self.env["res.partner"].search(
            [("name", "=", "Công ty Tour Biển Xanh")]
        )
        self.assertEqual(customer.classification_ids.name, "Tour District")
        self.assertEqual(customer.interaction_count, 1)
        self.assertEqual(customer.customer_type, "customer")
