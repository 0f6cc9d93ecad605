from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestWinback(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.winback_days = 60
        cls.today = fields.Date.context_today(cls.env["crm.lead"])
        cls.rival = cls.env["res.partner"].create(
            {"name": "Rival Forwarding", "customer_type": "competitor"}
        )
        cls.customer.user_id = cls.salesman
        Product = cls.env["crm.customer.competitor.product"]
        cls.ending = Product.create(
            {
                "partner_id": cls.customer.id,
                "name": "FCL Cát Lái – Busan",
                "supplier_id": cls.rival.id,
                "contract_end_date": cls.today + timedelta(days=45),
            }
        )
        cls.far = Product.create(
            {
                "partner_id": cls.customer.id,
                "name": "Air Hà Nội – Narita",
                "supplier_name": "Some airline agent",
                "contract_end_date": cls.today + timedelta(days=200),
            }
        )

    def test_opportunity_opened_once_before_the_contract_ends(self):
        Product = self.env["crm.customer.competitor.product"]
        Product._cron_create_winback_opportunities()
        Product._cron_create_winback_opportunities()
        lead = self.ending.winback_lead_id
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.competitor_id, self.rival)
        self.assertEqual(lead.date_deadline, self.ending.contract_end_date)
        self.assertIn("Rival Forwarding", lead.name)
        self.assertEqual(
            self.env["crm.lead"].search_count([("name", "=", lead.name)]), 1
        )
        self.assertFalse(self.far.winback_lead_id, "too far ahead")

    def test_days_out_of_range_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "0 to 365 days"):
            self.env.company.winback_days = -5
