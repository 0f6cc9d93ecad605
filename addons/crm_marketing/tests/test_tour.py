from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    """plan → campaign → audience → launch → a salesperson's task done → lead → won →
    ROI, each step in the browser as the role that does it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = mail_new_test_user(
            cls.env,
            login="crm_marketing_tour_manager",
            groups="base.group_user,crm_marketing.group_marketing_manager",
        )
        cls.salesman = mail_new_test_user(
            cls.env,
            login="crm_marketing_tour_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.plan = cls.env["crm.marketing.plan"].create(
            {"name": "Tour Q1 plan", "date_start": "2026-10-01"}
        )
        criterion = cls.env["crm.customer.criterion"].create({"name": "Tour Region"})
        south = cls.env["crm.customer.classification"].create(
            {"name": "Tour South", "criterion_id": criterion.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Shipper",
                "is_company": True,
                "user_id": cls.salesman.id,
                "classification_ids": [Command.link(south.id)],
            }
        )

    def test_campaign_from_plan_to_roi(self):
        self.start_tour(
            "/odoo", "crm_marketing_campaign_tour", login="crm_marketing_tour_manager"
        )
        campaign = self.env["utm.campaign"].search(
            [("title", "=", "Tour Busan weekly")]
        )
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.plan_id, self.plan)
        self.assertEqual(campaign.target_ids.partner_id, self.customer)
        self.assertEqual(campaign.task_ids.user_id, self.salesman)
        self.env["crm.marketing.cost"].create(
            {"campaign_id": campaign.id, "amount": 10_000_000, "kind": "printing"}
        )

        self.start_tour(
            "/odoo", "crm_marketing_task_tour", login="crm_marketing_tour_salesman"
        )
        self.assertEqual(campaign.task_ids.state, "done")
        lead = self.env["crm.lead"].search([("campaign_id", "=", campaign.id)])
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.user_id, self.salesman)
        as_request(self.salesman, lead).action_set_won()

        mine = as_request(self.manager, campaign)
        mine.invalidate_recordset()
        self.assertEqual(mine.marketing_task_done_count, 1)
        self.assertEqual(mine.marketing_won_count, 1)
        self.assertEqual(mine.won_revenue, 50_000_000)
        self.assertAlmostEqual(mine.roi, 4.0)
