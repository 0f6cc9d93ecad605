from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestGroupOpportunities(SalesPipelineCommon):
    """A parent company's form counts the open opportunities of its group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.group = Partner.create({"name": "Tập đoàn Minh Phát", "is_company": True})
        cls.port, cls.trading = Partner.create(
            [
                {"name": name, "is_company": True, "parent_id": cls.group.id}
                for name in ("Minh Phát Hải Phòng", "Minh Phát Đà Nẵng")
            ]
        )
        contact = Partner.create({"name": "Anh Tùng", "parent_id": cls.port.id})
        won = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env["crm.lead"].create(
            [
                cls._opportunity(cls.group, 1000.0, cls.salesman),
                cls._opportunity(contact, 2000.0, cls.salesman),
                cls._opportunity(cls.trading, 4000.0, cls.other_salesman),
                dict(
                    cls._opportunity(cls.trading, 8000.0, cls.salesman),
                    stage_id=won.id,
                ),
            ]
        )

    @classmethod
    def _opportunity(cls, partner, revenue, user):
        return {
            "name": f"Sea freight for {partner.name}",
            "type": "opportunity",
            "partner_id": partner.id,
            "expected_revenue": revenue,
            "user_id": user.id,
        }

    def test_group_counts_open_opportunities_of_its_subsidiaries(self):
        group = as_request(self.sales_manager, self.group)
        self.assertEqual(group.group_opportunity_count, 3)
        self.assertEqual(group.group_expected_revenue, 7000.0)
        port = as_request(self.sales_manager, self.port)
        self.assertEqual(port.group_opportunity_count, 1)
        self.assertEqual(port.group_expected_revenue, 2000.0)

    def test_salesperson_counts_only_the_opportunities_they_see(self):
        group = as_request(self.salesman, self.group)
        self.assertEqual(group.group_opportunity_count, 2)
        self.assertEqual(group.group_expected_revenue, 3000.0)
        other = as_request(self.other_salesman, self.group)
        self.assertEqual(other.group_opportunity_count, 1)
        self.assertEqual(other.group_expected_revenue, 4000.0)
