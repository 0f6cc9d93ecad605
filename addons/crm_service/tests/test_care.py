from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestCare(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = mail_new_test_user(
            cls.env,
            login="crm_service_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.other_salesman = mail_new_test_user(
            cls.env,
            login="crm_service_other_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_service_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        criterion = cls.env["crm.customer.criterion"].create({"name": "Test level"})
        Class = cls.env["crm.customer.classification"]
        cls.key = Class.create({"name": "Key accounts", "criterion_id": criterion.id})
        cls.key_vip = Class.create(
            {"name": "VIP", "criterion_id": criterion.id, "parent_id": cls.key.id}
        )
        cls.small = Class.create({"name": "Small", "criterion_id": criterion.id})
        Partner = cls.env["res.partner"]
        cls.vip = Partner.create(
            {
                "name": "VIP Logistics",
                "is_company": True,
                "user_id": cls.salesman.id,
                "classification_ids": [cls.key_vip.id],
            }
        )
        cls.key_customer = Partner.create(
            {
                "name": "Key Trading",
                "is_company": True,
                "user_id": cls.other_salesman.id,
                "classification_ids": [cls.key.id],
            }
        )
        cls.orphan = Partner.create(
            {
                "name": "No Salesperson Ltd",
                "is_company": True,
                "classification_ids": [cls.key.id],
            }
        )
        cls.small_customer = Partner.create(
            {
                "name": "Small Shop",
                "is_company": True,
                "user_id": cls.salesman.id,
                "classification_ids": [cls.small.id],
            }
        )
        cls.campaign = (
            cls.env["crm.service.care.campaign"]
            .with_user(cls.sales_manager)
            .create(
                {
                    "name": "Tết greetings",
                    "care_type": "gift",
                    "classification_ids": [cls.key.id],
                }
            )
        )

    def test_schedule_selects_by_class_tree_and_plans_for_salespeople(self):
        self.campaign.action_schedule()
        actions = self.campaign.action_ids
        self.assertEqual(actions.partner_id, self.vip | self.key_customer | self.orphan)
        by_partner = {action.partner_id: action for action in actions}
        self.assertEqual(by_partner[self.vip].user_id, self.salesman)
        self.assertEqual(by_partner[self.key_customer].user_id, self.other_salesman)
        # no salesperson: the campaign's responsible
        self.assertEqual(by_partner[self.orphan].user_id, self.sales_manager)
        self.assertEqual(by_partner[self.vip].activity_ids.user_id, self.salesman)
        self.assertEqual(self.campaign.state, "scheduled")
        # running it again adds nobody twice
        self.campaign.action_schedule()
        self.assertEqual(len(self.campaign.action_ids), 3)
        self.assertEqual(self.campaign.action_count, 3)

    def test_done_vs_planned_and_care_history(self):
        self.campaign.action_schedule()
        action = self.campaign.action_ids.filtered(
            lambda a: a.partner_id == self.vip
        ).with_user(self.salesman)
        action.result = "Thanked us, asks for a visit in March"
        action.action_done()
        self.assertEqual(action.state, "done")
        self.assertFalse(action.activity_ids)
        self.assertEqual(self.campaign.done_count, 1)
        self.assertIn(action, self.vip.care_action_ids)
        groups = self.env["crm.service.care.action"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["user_id", "state"],
            ["__count"],
        )
        self.assertIn((self.salesman, "done", 1), groups)
        self.assertIn((self.other_salesman, "planned", 1), groups)

    def test_salespeople_see_only_their_care_actions(self):
        self.campaign.action_schedule()
        visible = (
            self.env["crm.service.care.action"]
            .with_user(self.salesman)
            .search([("campaign_id", "=", self.campaign.id)])
        )
        self.assertEqual(visible.partner_id, self.vip)
        other = self.campaign.action_ids.filtered(
            lambda a: a.partner_id == self.key_customer
        )
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Customer Care Action",
        ):
            other.with_user(self.salesman).read(["result"])
        with assert_refused(
            self, AccessError, "not allowed to modify 'Customer Care Campaign'"
        ):
            self.campaign.with_user(self.salesman).write({"name": "Mine"})

    def test_campaign_aimed_by_two_trees_as_service_manager(self):
        """Classes of one criterion widen the audience, a second criterion narrows
        it: the service manager's campaign reaches key accounts of the north only."""
        region = self.env["crm.customer.criterion"].create({"name": "Test region"})
        Class = self.env["crm.customer.classification"]
        north = Class.create({"name": "Miền Bắc", "criterion_id": region.id})
        hanoi = Class.create(
            {"name": "Hà Nội", "criterion_id": region.id, "parent_id": north.id}
        )
        south = Class.create({"name": "Miền Nam", "criterion_id": region.id})
        self.vip.classification_ids |= hanoi
        self.key_customer.classification_ids |= south
        self.small_customer.classification_ids |= north
        campaign = as_request(
            self.manager,
            self.env["crm.service.care.campaign"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Tết visits in the north",
                    "care_type": "visit",
                    "classification_ids": [(6, 0, (self.key | north).ids)],
                }
            ),
        )
        self.assertEqual(campaign.audience_count, 1)
        campaign.action_schedule()
        self.assertEqual(campaign.action_ids.partner_id, self.vip)
        self.assertEqual(campaign.action_ids.user_id, self.salesman)
        # an exclusion wins over the classes, an addition skips them
        campaign.write(
            {
                "excluded_partner_ids": [(6, 0, self.vip.ids)],
                "included_partner_ids": [(6, 0, self.small_customer.ids)],
            }
        )
        self.assertEqual(campaign.audience_count, 1)
        self.assertEqual(campaign._get_audience_partners(), self.small_customer)

    def test_campaign_without_selection_is_refused(self):
        campaign = self.env["crm.service.care.campaign"].create({"name": "Everyone"})
        with self.assertRaisesRegex(UserError, "Choose customer classes"):
            campaign.action_schedule()

    def test_cancel_campaign_cancels_planned_actions(self):
        self.campaign.action_schedule()
        self.campaign.action_cancel()
        self.assertEqual(set(self.campaign.action_ids.mapped("state")), {"cancel"})
        self.assertFalse(self.campaign.action_ids.activity_ids)

    def test_cancelled_campaign_refuses_rescheduling_through_rpc(self):
        """The form hides the buttons of a cancelled campaign: calling the method
        directly is refused too, and no care action is planned."""
        campaign = self.campaign.with_user(self.manager)
        campaign.action_cancel()
        with assert_refused(self, UserError, "Tết greetings.*is cancelled"):
            campaign.action_schedule()
        with assert_refused(self, UserError, "is cancelled"):
            campaign.write({"date": "2027-02-01"})
        self.assertFalse(campaign.action_ids)
        self.assertFalse(
            self.env["crm.service.care.action"].search(
                [("campaign_id", "=", campaign.id)]
            )
        )
        self.assertEqual(campaign.state, "cancel")
