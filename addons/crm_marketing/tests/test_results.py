from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestResults(CrmMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign()
        cls.other_campaign = cls._campaign(title="Win back Q1")
        cls._lead(cls.campaign)  # a lead, still a lead
        cls._lead(cls.campaign, kind="opportunity")  # open opportunity
        cls._lead(cls.campaign, kind="opportunity", won=True, revenue=30_000_000)
        cls._lead(cls.campaign, kind="opportunity", won=True, revenue=20_000_000)
        cls._lead(cls.campaign, kind="opportunity", lost=True, revenue=99_000_000)
        cls._lead(cls.other_campaign, kind="opportunity", won=True, revenue=7_000_000)
        cls.env["crm.lead"].create({"name": "No campaign", "expected_revenue": 1e9})
        Cost = cls.env["crm.marketing.cost"]
        Cost.create(
            {
                "campaign_id": cls.campaign.id,
                "amount": 15_000_000,
                "kind": "advertising",
            }
        )
        Cost.create(
            {"campaign_id": cls.campaign.id, "amount": 5_000_000, "kind": "event"}
        )

    def test_figures_from_hand_made_leads(self):
        campaign = as_request(self.marketing_user, self.campaign)
        self.assertEqual(campaign.marketing_lead_count, 5)
        self.assertEqual(campaign.marketing_opportunity_count, 4)
        self.assertEqual(campaign.marketing_won_count, 2)
        self.assertEqual(campaign.won_revenue, 50_000_000)
        self.assertEqual(campaign.cost_total, 20_000_000)
        self.assertEqual(campaign.cost_per_lead, 4_000_000)
        self.assertAlmostEqual(campaign.roi, 1.5)
        other = as_request(self.marketing_user, self.other_campaign)
        self.assertEqual(other.won_revenue, 7_000_000)
        self.assertEqual(other.cost_total, 0)
        self.assertEqual(other.roi, 0)

    def test_cost_in_another_currency_counts_at_its_date(self):
        usd = self.env.ref("base.USD")
        if usd == self.company.currency_id:
            usd = self.env.ref("base.EUR")
        usd.active = True
        self.env["res.currency.rate"].create(
            {"currency_id": usd.id, "name": "2027-01-01", "company_rate": 0.5}
        )
        self.env["res.currency.rate"].create(
            {"currency_id": usd.id, "name": "2027-02-01", "company_rate": 0.25}
        )
        cost = self.env["crm.marketing.cost"].create(
            {
                "campaign_id": self.other_campaign.id,
                "amount": 100,
                "currency_id": usd.id,
                "date": "2027-01-10",
                "kind": "printing",
            }
        )
        self.assertEqual(cost.amount_company, 200)
        self.assertEqual(
            as_request(self.marketing_user, self.other_campaign).cost_total, 200
        )

    def test_salesperson_sees_counts_not_money(self):
        campaign = as_request(self.salesman, self.campaign)
        self.assertEqual(campaign.marketing_lead_count, 5)
        self.assertNotIn("won_revenue", campaign.fields_get())
        self.assertNotIn("cost_total", campaign.fields_get())
        # the figures are read as superuser; the rows and costs behind them are not
        with assert_refused(self, AccessError, "Marketing Results"):
            as_request(self.salesman, self.env["crm.marketing.report"]).search([])
        with assert_refused(self, AccessError, "Campaign Cost"):
            as_request(self.salesman, self.env["crm.marketing.cost"]).search([])

    def test_customer_form_lists_the_campaigns_its_leads_came_from(self):
        customer = as_request(self.salesman, self.customer)
        self.assertEqual(customer.marketing_campaign_count, 2)
        action = customer.action_view_marketing_campaigns()
        self.assertEqual(
            set(self.env["utm.campaign"].search(action["domain"]).ids),
            {self.campaign.id, self.other_campaign.id},
        )

    def test_figures_take_one_grouped_read_whatever_the_number(self):
        few = self.campaign | self.other_campaign
        many = few | self.env["utm.campaign"].create(
            [{"title": f"Campaign {n}"} for n in range(20)]
        )
        for campaign in many[2:]:
            self._lead(campaign, kind="opportunity", won=True, revenue=1_000)
        as_request(self.marketing_user, self.campaign).mapped("roi")  # warm caches
        for campaigns in (few, many):
            mine = as_request(self.marketing_user, campaigns)
            mine.mapped("title")  # the campaigns themselves are read first
            # the report's grouped read, the campaigns' companies and their currencies
            with self.assertQueryCount(3):
                mine.mapped("won_revenue")
                mine.mapped("marketing_lead_count")
                mine.mapped("roi")
