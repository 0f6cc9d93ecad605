from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.crm_marketing.tests.common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaignSalesResults(CrmMarketingCommon):
    """A campaign and its plan are measured in quotations, won orders and gross
    profit from the sales pipeline, for marketing staff who read no order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Cước FCL Cát Lái → Busan", "type": "service", "list_price": 1.0}
        )
        cls.plan = cls.env["crm.marketing.plan"].create(
            {"name": "Q1 2027", "date_start": "2027-01-01", "target_gross_profit": 100}
        )
        cls.campaign = cls._campaign(plan_id=cls.plan.id)
        cls.other = cls._campaign(title="Tết promotion", plan_id=cls.plan.id)
        cls.env["crm.marketing.cost"].create(
            {"campaign_id": cls.campaign.id, "amount": 10_000_000, "kind": "event"}
        )
        cls._lead(
            cls.campaign,
            kind="opportunity",
            won=True,
            revenue=200_000_000,
            expected_profit=30_000_000,
        )
        cls._lead(cls.campaign, kind="opportunity", revenue=80_000_000)
        cls._lead(
            cls.other,
            kind="opportunity",
            won=True,
            revenue=20_000_000,
            expected_profit=5_000_000,
        )
        cls.won_order = cls._order(cls.campaign, 150_000_000)
        cls.won_order.action_confirm()
        cls.quotation = cls._order(cls.campaign, 50_000_000)
        cls._order(cls.campaign, 70_000_000).with_context(
            crm_sales_pipeline_lost_reason_given=True
        ).action_cancel()

    @classmethod
    def _order(cls, campaign, amount):
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "campaign_id": campaign.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )

    def test_campaign_counts_quotations_orders_and_gross_profit(self):
        campaign = as_request(self.marketing_user, self.campaign)
        self.assertEqual(campaign.marketing_quotation_count, 2)  # cancelled left out
        self.assertEqual(campaign.marketing_order_count, 1)
        self.assertEqual(campaign.order_amount, 150_000_000)
        self.assertEqual(campaign.won_gross_profit, 30_000_000)
        self.assertAlmostEqual(campaign.gross_profit_roi, 2.0)
        # counted without reading the orders or the opportunities
        with assert_refused(self, AccessError, "Sales Order"):
            as_request(self.marketing_user, self.won_order).read(["amount_total"])

    def test_plan_gross_profit_actual_against_its_objective(self):
        plan = as_request(self.marketing_manager, self.plan)
        self.assertEqual(plan.won_gross_profit, 35_000_000)
        self.assertEqual(plan.order_amount, 150_000_000)

    def test_salesperson_sees_the_counts_not_the_money(self):
        campaign = as_request(self.salesman, self.campaign)
        self.assertEqual(campaign.marketing_order_count, 1)
        with assert_refused(self, AccessError, "won_gross_profit"):
            campaign.read(["won_gross_profit"])

    def test_figures_take_the_same_queries_whatever_the_number(self):
        many = self.campaign | self.env["utm.campaign"].create(
            [{"title": f"Campaign {n}"} for n in range(15)]
        )
        for campaign in many[1:]:
            self._order(campaign, 1_000)
        counts = []
        for campaigns in (self.campaign | self.other, many):
            mine = as_request(self.marketing_user, campaigns)
            mine.mapped("title")
            mine.mapped("cost_total")
            before = self.env.cr.sql_log_count
            mine.mapped("won_gross_profit")
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
