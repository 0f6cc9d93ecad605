from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.crm_marketing.tests.common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestMarketReport(CrmMarketingCommon):
    """Which region grows: confirmed orders by the customers' classification trees,
    counted under the top of the tree however deep a customer is classified."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        criterion = cls.env["crm.customer.criterion"].create(
            {"name": "Vùng (phân tích)"}
        )
        Class = cls.env["crm.customer.classification"]
        cls.north = Class.create({"name": "Miền Bắc", "criterion_id": criterion.id})
        cls.hanoi = Class.create(
            {"name": "Hà Nội", "criterion_id": criterion.id, "parent_id": cls.north.id}
        )
        cls.south = Class.create({"name": "Miền Nam", "criterion_id": criterion.id})
        Partner = cls.env["res.partner"]
        cls.hanoi_customer = Partner.create(
            {
                "name": "Hà Nội Trading",
                "is_company": True,
                "classification_ids": [Command.link(cls.hanoi.id)],
            }
        )
        cls.contact = Partner.create(
            {"name": "Chị Mai", "parent_id": cls.hanoi_customer.id}
        )
        cls.south_customer = Partner.create(
            {
                "name": "Sài Gòn Foods",
                "is_company": True,
                "classification_ids": [Command.link(cls.south.id)],
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Cước biển (phân tích)", "type": "service"}
        )
        cls.criterion = criterion
        for partner, amount, day, confirm in (
            (cls.contact, 100.0, "2026-11-10", True),  # ordered by the contact
            (cls.hanoi_customer, 50.0, "2027-01-10", True),
            (cls.south_customer, 70.0, "2027-01-12", True),
            (cls.south_customer, 999.0, "2027-01-13", False),  # still a quotation
        ):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "date_order": f"{day} 03:00:00",
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "price_unit": amount,
                                "tax_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            if confirm:
                order.action_confirm()
                order.date_order = f"{day} 03:00:00"

    def test_revenue_by_top_region_and_quarter(self):
        Report = as_request(
            self.marketing_user, self.env["crm.marketing.market.report"]
        )
        groups = Report._read_group(
            [("criterion_id", "=", self.criterion.id)],
            ["level1_id", "date:quarter"],
            ["amount:sum", "order_count:sum"],
        )
        figures = {
            (level.name, quarter.strftime("%Y-%m")): (amount, count)
            for level, quarter, amount, count in groups
        }
        self.assertEqual(
            figures,
            {
                ("Miền Bắc", "2026-10"): (100.0, 1),
                ("Miền Bắc", "2027-01"): (50.0, 1),
                ("Miền Nam", "2027-01"): (70.0, 1),
            },
        )
        # a value's search takes the values below it
        below_north = Report.search([("classification_id", "child_of", self.north.id)])
        self.assertEqual(below_north.partner_id, self.hanoi_customer)

    def test_salesperson_does_not_read_the_market_analysis(self):
        with assert_refused(self, AccessError, "Market Analysis"):
            as_request(self.salesman, self.env["crm.marketing.market.report"]).search(
                []
            )
