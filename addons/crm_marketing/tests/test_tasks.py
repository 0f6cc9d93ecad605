from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaignTasks(CrmMarketingCommon):
    """Starting a campaign with a task kind hands one call or visit per targeted
    customer to the salespeople, and the campaign counts what they did."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        company.partner_id.tz = "Asia/Ho_Chi_Minh"
        if "resource_calendar_id" in company._fields and company.resource_calendar_id:
            company.resource_calendar_id.tz = "Asia/Ho_Chi_Minh"
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.members = cls.env["res.users"]
        for login in ("crm_marketing_member1", "crm_marketing_member2"):
            cls.members |= mail_new_test_user(
                cls.env,
                login=login,
                groups="base.group_user,sales_team.group_sale_salesman",
            )
        cls.team.member_ids = [Command.set(cls.members.ids)]
        criterion = cls.env["crm.customer.criterion"].create({"name": "Ngành (test)"})
        cls.trading = cls.env["crm.customer.classification"].create(
            {"name": "Thương mại", "criterion_id": criterion.id}
        )
        Partner = cls.env["res.partner"]
        cls.own = Partner.create(
            {
                "name": "An Phát Trading",
                "is_company": True,
                "user_id": cls.salesman.id,
                "classification_ids": [Command.link(cls.trading.id)],
            }
        )
        cls.unassigned = Partner.create(
            [
                {
                    "name": f"Khách chưa giao {index}",
                    "is_company": True,
                    "classification_ids": [Command.link(cls.trading.id)],
                }
                for index in range(3)
            ]
        )
        cls.other_interaction = cls.env["crm.customer.interaction"].create(
            {
                "name": "Private follow-up",
                "partner_id": cls.own.id,
                "user_id": cls.salesman.id,
                "type_id": cls.call.id,
            }
        )

    def _start(self, **values):
        campaign = as_request(self.marketing_user, self.env["utm.campaign"]).create(
            {
                "title": "Tết rate promotion",
                "date_start": "2027-01-20",
                "team_id": self.team.id,
                "task_type_id": self.call.id,
                "goal": "Offer the Tết rates to every trading customer",
                "classification_ids": [Command.link(self.trading.id)],
                **values,
            }
        )
        campaign.action_start()
        return campaign

    def test_start_plans_one_task_per_target_for_its_salesperson(self):
        campaign = self._start()
        tasks = campaign.sudo().task_ids
        self.assertEqual(len(tasks), 4)
        self.assertEqual(set(tasks.mapped("state")), {"planned"})
        self.assertEqual(tasks.type_id, self.call)
        self.assertEqual(set(tasks.mapped("name")), {"Tết rate promotion"})
        # 08:00 in Hồ Chí Minh City on the campaign's first day
        self.assertEqual(set(tasks.mapped("date_start")), {datetime(2027, 1, 20, 1, 0)})
        by_partner = {task.partner_id: task for task in tasks}
        self.assertEqual(by_partner[self.own].user_id, self.salesman)
        # customers without a salesperson are dealt round the campaign's team
        dealt = tasks.filtered(lambda task: task.partner_id in self.unassigned)
        self.assertEqual(
            sorted(
                len(dealt.filtered(lambda t, u=u: t.user_id == u)) for u in self.members
            ),
            [1, 2],
        )
        # each target knows its task
        for target in campaign.target_ids:
            self.assertEqual(target.task_id, by_partner[target.partner_id])

    def test_salesperson_does_her_task_and_the_campaign_counts_it(self):
        campaign = self._start()
        Interaction = as_request(self.salesman, self.env["crm.customer.interaction"])
        mine = Interaction.search([("campaign_id", "=", campaign.id)])
        self.assertEqual(mine.partner_id, self.own)  # only her customer's task
        mine.write({"result": "Booked 2 x 40HC for February"})
        mine.action_done()
        campaign = as_request(self.marketing_user, campaign)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.marketing_task_count, 4)
        self.assertEqual(campaign.marketing_task_done_count, 1)
        action = campaign.action_view_tasks()
        self.assertEqual(
            as_request(self.marketing_user, self.env[action["res_model"]]).search(
                action["domain"]
            ),
            campaign.task_ids,
        )
        target = campaign.target_ids.filtered(lambda t: t.partner_id == self.own)
        self.assertEqual(target.task_state, "done")

    def test_marketing_reads_campaign_tasks_and_nothing_else_of_the_log(self):
        campaign = self._start()
        Interaction = as_request(
            self.marketing_user, self.env["crm.customer.interaction"]
        )
        customers = self.own | self.unassigned
        self.assertEqual(
            Interaction.search([("partner_id", "in", customers.ids)]), campaign.task_ids
        )
        with assert_refused(self, AccessError, "Customer Interaction"):
            Interaction.browse(self.other_interaction.id).read(["result"])
        with assert_refused(self, AccessError, "Customer Interaction"):
            campaign.task_ids[:1].write({"user_id": self.marketing_user.id})
        with assert_refused(self, AccessError, "Customer Interaction"):
            Interaction.create(
                {
                    "name": "Forged task",
                    "partner_id": self.own.id,
                    "user_id": self.salesman.id,
                    "type_id": self.call.id,
                    "campaign_id": campaign.id,
                }
            )

    def test_without_team_unassigned_tasks_go_to_the_responsible(self):
        campaign = self._start(team_id=False, user_id=self.members[1].id)
        tasks = campaign.sudo().task_ids
        self.assertEqual(
            tasks.filtered(lambda task: task.partner_id in self.unassigned).user_id,
            self.members[1],
        )

    def test_no_task_kind_plans_no_task_and_a_late_start_plans_now(self):
        campaign = self._start(task_type_id=False)
        self.assertEqual(campaign.target_count, 4)
        self.assertFalse(campaign.sudo().task_ids)
        late = self._start(title="Started late", date_start="2027-01-05")
        self.assertEqual(
            set(late.sudo().task_ids.mapped("date_start")),
            {datetime(2027, 1, 15, 10, 0)},
        )

    def test_cancelling_the_campaign_cancels_its_open_tasks(self):
        campaign = self._start()
        done = as_request(self.salesman, self.env["crm.customer.interaction"]).search(
            [("campaign_id", "=", campaign.id)]
        )
        done.action_done()
        campaign.action_cancel()
        tasks = campaign.sudo().task_ids
        self.assertEqual(done.state, "done")
        self.assertEqual(set((tasks - done).mapped("state")), {"cancelled"})
        campaign.invalidate_recordset()
        self.assertEqual(campaign.marketing_task_count, 1)

    def test_an_opportunity_from_a_task_carries_the_campaign(self):
        campaign = self._start()
        task = as_request(self.salesman, self.env["crm.customer.interaction"]).search(
            [("campaign_id", "=", campaign.id)]
        )
        action = task.action_new_opportunity()
        Lead = as_request(self.salesman, self.env["crm.lead"]).with_context(
            **action["context"]
        )
        with Form(Lead) as form:
            form.expected_revenue = 120_000_000
        lead = form.record
        self.assertEqual(lead.campaign_id, campaign)
        self.assertEqual(lead.partner_id, self.own)
        self.assertEqual(lead.user_id, self.salesman)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.marketing_opportunity_count, 1)

    def test_launch_queries_do_not_grow_with_the_tasks(self):
        def launch(size):
            partners = self.env["res.partner"].create(
                [
                    {"name": f"Khách {size}-{index}", "is_company": True}
                    for index in range(size)
                ]
            )
            campaign = as_request(self.marketing_user, self.env["utm.campaign"]).create(
                {
                    "title": f"Size {size}",
                    "date_start": "2027-01-20",
                    "team_id": self.team.id,
                    "task_type_id": self.call.id,
                    "included_partner_ids": [Command.set(partners.ids)],
                }
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            campaign.action_start()
            self.env.flush_all()
            self.assertEqual(len(campaign.sudo().task_ids), size)
            return self.env.cr.sql_log_count - before

        launch(2)  # warms the caches the first launch fills (ormcache, registry)
        self.assertEqual(launch(5), launch(60))
