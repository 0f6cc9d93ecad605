from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCustomerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the salesperson's own groups: no sales manager, no administrator rights
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="crm_customer_tour_lan",
            name="Nguyễn Thị Lan",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_salesman",
        )
        region = cls.env["crm.customer.criterion"].create({"name": "Tour Region"})
        south = cls.env["crm.customer.classification"].create(
            {"name": "Tour South", "criterion_id": region.id}
        )
        cls.env["crm.customer.classification"].create(
            {"name": "Tour District", "criterion_id": region.id, "parent_id": south.id}
        )

    def test_create_classify_log_and_find_by_parent_region(self):
        self.start_tour("/odoo", "crm_customer_tour", login="crm_customer_tour_lan")
        customer = self.env["res.partner"].search(
            [("name", "=", "Công ty Tour Biển Xanh")]
        )
        self.assertEqual(customer.classification_ids.name, "Tour District")
        self.assertEqual(customer.interaction_count, 1)
        self.assertEqual(customer.interaction_ids.user_id, self.salesperson)
        self.assertEqual(customer.customer_type, "customer")


@tagged("post_install", "-at_install")
class TestCustomerExportTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = (
            "base.group_user,base.group_partner_manager,sales_team.group_sale_salesman,"
        )
        # Odoo's export feature, for her quotations, but not the customer lists
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="crm_customer_tour_no_export",
            groups=groups + "base.group_allow_export",
        )
        cls.exporter = mail_new_test_user(
            cls.env,
            login="crm_customer_tour_export",
            groups=groups + "crm_customer.group_customer_export",
        )
        for user in cls.salesperson | cls.exporter:
            cls.env["res.partner"].create(
                {
                    "name": "Công ty Xuất Khẩu Tour",
                    "is_company": True,
                    "customer_type": "customer",
                    "user_id": user.id,
                }
            )

    def test_customer_lists_offer_no_export_without_the_permission(self):
        self.assertTrue(self.salesperson.has_group("base.group_allow_export"))
        self.start_tour(
            "/odoo", "crm_customer_no_export_tour", login="crm_customer_tour_no_export"
        )

    def test_export_customer_lists_gives_the_export_feature(self):
        self.assertTrue(self.exporter.has_group("base.group_allow_export"))
        self.start_tour(
            "/odoo", "crm_customer_export_tour", login="crm_customer_tour_export"
        )
