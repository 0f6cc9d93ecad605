from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestSalesPipelineTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an own-documents salesperson of a company that works with leads
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="crm_sales_pipeline_tour_lan",
            name="Nguyễn Thị Lan",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_salesman,crm.group_use_lead",
        )
        cls.env["product.product"].create(
            {"name": "Tour Ocean Freight", "type": "service", "list_price": 2400}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Seafood Export JSC",
                "is_company": True,
                "email": "sales@tour-seafood.example.com",
            }
        )
        # sending opens the document layout wizard until a layout is chosen
        cls.env.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Frozen shrimp to Busan",
                "type": "lead",
                "partner_id": cls.customer.id,
                "service_kind": "sea_fcl",
                "user_id": cls.salesperson.id,
            }
        )

    def test_lead_to_sent_and_confirmed_revision(self):
        self.assertEqual(self.customer.customer_type, "lead")
        self.start_tour(
            f"/odoo/action-crm.crm_lead_all_leads/{self.lead.id}",
            "crm_sales_pipeline_tour",
            login="crm_sales_pipeline_tour_lan",
        )
        self.assertEqual(self.lead.type, "opportunity")
        orders = (
            self.env["sale.order"]
            .with_context(active_test=False)
            .search([("opportunity_id", "=", self.lead.id)], order="id")
        )
        original, revision = orders
        self.assertEqual(revision.name, f"{original.name}-R1")
        self.assertEqual(revision.state, "sale")
        self.assertEqual((original | revision).user_id, self.salesperson)
        self.assertEqual(revision.order_line.price_unit, 2250)
        self.assertEqual(original.order_line.price_unit, 2400)
        self.assertEqual(original.superseded_by_id, revision)
        self.assertEqual(revision.send_log_ids.mapped("channel"), ["email"])
        self.assertEqual(revision.send_log_ids.partner_ids, self.customer)
        self.assertEqual(self.customer.customer_type, "prospect")
