from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestPlan(CrmMarketingCommon):
    def test_manager_plans_a_quarter_and_sees_plan_against_actual(self):
        Plan = as_request(self.marketing_manager, self.env["crm.marketing.plan"])
        plan = Plan.create(
            {
                "name": "Q1 2027 Miền Bắc",
                "period": "quarter",
                "date_start": "2027-01-01",
                "team_id": self.team.id,
                "budget": 100_000_000,
                "target_lead_count": 40,
                "target_won_revenue": 500_000_000,
            }
        )
        self.assertEqual(str(plan.date_end), "2027-03-31")
        plan.period = "year"
        self.assertEqual(str(plan.date_end), "2027-12-31")
        first = self._campaign(plan_id=plan.id)
        second = self._campaign(title="Trade fair", plan_id=plan.id)
        self._campaign(title="Outside the plan")
        self._lead(first, kind="opportunity", won=True, revenue=40_000_000)
        self._lead(second)
        self.env["crm.marketing.cost"].create(
            {"campaign_id": second.id, "amount": 10_000_000}
        )
        plan = as_request(self.marketing_manager, plan)
        self.assertEqual(plan.campaign_count, 2)
        self.assertEqual(plan.lead_count, 2)
        self.assertEqual(plan.opportunity_count, 1)
        self.assertEqual(plan.customer_count, 1)
        self.assertEqual(plan.won_revenue, 40_000_000)
        self.assertEqual(plan.cost_total, 10_000_000)
        self.assertAlmostEqual(plan.roi, 3.0)
        self.assertEqual(
            plan.campaign_ids.sorted("title").mapped("won_revenue"), [40_000_000, 0]
        )

    def test_marketing_user_and_salesperson_read_plans_only(self):
        plan = self.env["crm.marketing.plan"].create(
            {"name": "2027", "period": "year", "date_start": "2027-01-01", "budget": 1}
        )
        self.assertEqual(as_request(self.salesman, plan).name, "2027")
        for user in (self.marketing_user, self.salesman):
            with assert_refused(self, AccessError, "Market Plan"):
                as_request(user, plan).write({"name": "Mine"})
        with assert_refused(self, AccessError, "budget"):
            as_request(self.salesman, plan).read(["budget"])
        campaign = self._campaign(plan_id=plan.id)
        for user in (self.marketing_user, self.salesman):
            # the forms open as the web client loads them, the figures left out for
            # the salesperson
            self.assertEqual(Form(as_request(user, plan)).name, "2027")
            self.assertEqual(Form(as_request(user, campaign)).plan_id, plan)

    def test_bad_plan_is_refused(self):
        Plan = as_request(self.marketing_manager, self.env["crm.marketing.plan"])
        with assert_refused(self, ValidationError, "cannot end before it starts"):
            Plan.create(
                {
                    "name": "Backwards",
                    "date_start": "2027-04-01",
                    "date_end": "2027-01-01",
                }
            )
        with assert_refused(self, ValidationError, "cannot be negative"):
            Plan.create({"name": "Negative", "date_start": "2027-01-01", "budget": -1})
        self.assertFalse(
            self.env["crm.marketing.plan"].search(
                [("name", "in", ("Backwards", "Negative"))]
            )
        )
