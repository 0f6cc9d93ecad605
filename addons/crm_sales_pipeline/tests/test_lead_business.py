from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestLeadBusiness(SalesPipelineCommon):
    def _lead(self, **values):
        return (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .create({"name": "Rice to Manila", "user_id": self.salesman.id, **values})
        )

    def test_freight_figures_and_margin(self):
        lead = self._lead(
            type="opportunity",
            service_kind="sea_fcl",
            direction="export",
            origin="Cát Lái",
            destination="Manila",
            volume_teu=4,
            expected_revenue=8000,
            expected_profit=1200,
        )
        self.assertAlmostEqual(lead.expected_margin, 15.0)
        lead.write({"expected_revenue": 0, "expected_profit": 0})
        self.assertEqual(lead.expected_margin, 0.0)

    def test_negative_volume_or_revenue_is_refused(self):
        for field_name in ("volume_teu", "volume_cbm", "volume_kg", "expected_revenue"):
            with (
                self.subTest(field=field_name),
                self.assertRaisesRegex(ValidationError, "cannot be negative"),
            ):
                self._lead(**{field_name: -1})

    def test_profit_above_revenue_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot exceed"):
            self._lead(expected_revenue=1000, expected_profit=1500)

    def test_customer_moves_along_the_funnel(self):
        newcomer = self.env["res.partner"].create({"name": "Newcomer Rice Co"})
        lead = self._lead(partner_id=newcomer.id, type="lead")
        self.assertEqual(newcomer.customer_type, "lead")
        lead.convert_opportunity(newcomer)
        self.assertEqual(newcomer.customer_type, "prospect")
        lead.action_set_won()
        self.assertEqual(newcomer.customer_type, "customer")

    def test_customer_type_never_goes_back_nor_overrides_partners(self):
        customer = self.env["res.partner"].create(
            {"name": "Old Customer", "customer_type": "customer"}
        )
        agent = self.env["res.partner"].create(
            {"name": "Overseas Agent", "customer_type": "partner"}
        )
        self._lead(partner_id=customer.id, type="opportunity")
        self._lead(partner_id=agent.id, type="opportunity")
        self.assertEqual(customer.customer_type, "customer")
        self.assertEqual(agent.customer_type, "partner")

    def test_converting_a_lead_creates_a_prospect_in_the_customer_file(self):
        lead = self._lead(type="lead", partner_name="Mekong Seafood JSC")
        wizard = Form(
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.salesman)
            .with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            )
        )
        wizard.name = "convert"
        wizard.action = "create"
        wizard.save().action_apply()
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id.name, "Mekong Seafood JSC")
        self.assertEqual(lead.partner_id.customer_type, "prospect")
        self.assertTrue(lead.partner_id.customer_code, "filed with a customer code")

    def test_opportunity_and_current_quotation_on_the_customer_timeline(self):
        lead = self._lead(partner_id=self.customer.id, type="opportunity")
        order = self._quotation(opportunity_id=lead.id)
        revision = order._create_revision("Lower rate")
        entries = self.env["crm.customer.timeline"].search(
            [("partner_id", "=", self.customer.id)]
        )
        documents = {(entry.res_model, entry.res_id) for entry in entries}
        self.assertIn(("crm.lead", lead.id), documents)
        self.assertIn(("sale.order", revision.id), documents)
        self.assertNotIn(("sale.order", order.id), documents, "superseded")
