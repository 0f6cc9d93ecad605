from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestClassificationResults(CrmMarketingCommon):
    """Where a campaign found its customers: its leads and wins by the customers'
    classification trees, under the tree's top however deep a customer sits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.criterion = cls.env["crm.customer.criterion"].create(
            {"name": "Vùng (kết quả)"}
        )
        Class = cls.env["crm.customer.classification"]
        cls.north = Class.create({"name": "Miền Bắc", "criterion_id": cls.criterion.id})
        cls.hanoi = Class.create(
            {
                "name": "Hà Nội",
                "criterion_id": cls.criterion.id,
                "parent_id": cls.north.id,
            }
        )
        cls.south = Class.create({"name": "Miền Nam", "criterion_id": cls.criterion.id})
        Partner = cls.env["res.partner"]
        hanoi = Partner.create(
            {
                "name": "Hà Nội Trading",
                "is_company": True,
                "classification_ids": [Command.link(cls.hanoi.id)],
            }
        )
        saigon = Partner.create(
            {
                "name": "Sài Gòn Foods",
                "is_company": True,
                "classification_ids": [Command.link(cls.south.id)],
            }
        )
        cls.campaign = cls._campaign()
        cls._lead(cls.campaign, partner_id=hanoi.id)
        cls._lead(
            cls.campaign, kind="opportunity", won=True, revenue=300, partner_id=hanoi.id
        )
        cls._lead(cls.campaign, partner_id=saigon.id)

    def test_leads_and_wins_by_top_region(self):
        Report = as_request(
            self.marketing_user, self.env["crm.marketing.classification.report"]
        )
        groups = Report._read_group(
            [
                ("campaign_id", "=", self.campaign.id),
                ("criterion_id", "=", self.criterion.id),
            ],
            ["level1_id"],
            ["lead_count:sum", "won_count:sum", "won_revenue:sum"],
        )
        self.assertEqual(
            {level.name: tuple(values) for level, *values in groups},
            {"Miền Bắc": (2, 1, 300.0), "Miền Nam": (1, 0, 0.0)},
        )

    def test_salesperson_does_not_read_the_results(self):
        with assert_refused(self, AccessError, "Campaign Results by Classification"):
            as_request(
                self.salesman, self.env["crm.marketing.classification.report"]
            ).search([])
