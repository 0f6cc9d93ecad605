from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaignAudience(CrmMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        criterion = cls.env["crm.customer.criterion"].create({"name": "Vùng (test)"})
        Class = cls.env["crm.customer.classification"]
        cls.north = Class.create({"name": "Miền Bắc", "criterion_id": criterion.id})
        cls.hanoi = Class.create(
            {"name": "Hà Nội", "criterion_id": criterion.id, "parent_id": cls.north.id}
        )
        cls.south = Class.create({"name": "Miền Nam", "criterion_id": criterion.id})
        cls.other_salesman = mail_new_test_user(
            cls.env,
            login="crm_marketing_salesman2",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        Partner = cls.env["res.partner"]
        cls.hanoi_customer = Partner.create(
            {
                "name": "Hà Nội Trading",
                "is_company": True,
                "email": "sales@hanoi-trading.vn",
                "classification_ids": [Command.link(cls.hanoi.id)],
                "user_id": cls.salesman.id,
            }
        )
        cls.opted_out = Partner.create(
            {
                "name": "Hải Phòng Steel",
                "is_company": True,
                "email": "no-mail@haiphong-steel.vn",
                "classification_ids": [Command.link(cls.north.id)],
                "user_id": cls.other_salesman.id,
            }
        )
        cls.env["mail.blacklist"]._add("no-mail@haiphong-steel.vn")
        cls.saigon_customer = Partner.create(
            {
                "name": "Sài Gòn Foods",
                "is_company": True,
                "classification_ids": [Command.link(cls.south.id)],
            }
        )

    def _north_campaign(self, **values):
        return as_request(self.marketing_user, self.env["utm.campaign"]).create(
            {
                "title": "Tết rate promotion Miền Bắc",
                "date_start": "2027-01-05",
                "classification_ids": [Command.link(self.north.id)],
                **values,
            }
        )

    def test_audience_is_counted_before_and_frozen_at_launch(self):
        campaign = self._north_campaign()
        self.assertEqual(campaign.audience_count, 2)  # Hà Nội is below Miền Bắc
        self.assertFalse(campaign.target_ids)
        campaign.action_start()
        targets = campaign.target_ids
        self.assertEqual(targets.partner_id, self.hanoi_customer | self.opted_out)
        by_partner = {target.partner_id: target for target in targets}
        self.assertEqual(by_partner[self.hanoi_customer].user_id, self.salesman)
        self.assertFalse(by_partner[self.hanoi_customer].email_opt_out)
        # the blacklisted e-mail is known, so no campaign mail goes to it
        self.assertTrue(by_partner[self.opted_out].email_opt_out)
        self.assertEqual(campaign.target_count, 2)
        # who was targeted stays known when the customer file changes afterwards
        self.hanoi_customer.classification_ids = [Command.set(self.south.ids)]
        self.assertEqual(campaign.target_ids.partner_id, targets.partner_id)
        # and the audience can no longer be edited by RPC through the state
        with assert_refused(self, UserError, "status changes only through"):
            campaign.write({"state": "draft"})
        self.assertEqual(campaign.state, "running")

    def test_subsidiary_of_a_group_is_in_the_audience_not_its_people(self):
        Partner = self.env["res.partner"]
        subsidiary = Partner.create(
            {
                "name": "Hà Nội Trading Hải Phòng",
                "is_company": True,
                "parent_id": self.hanoi_customer.id,
                "classification_ids": [Command.link(self.hanoi.id)],
            }
        )
        Partner.create(
            {
                "name": "Chị Mai",
                "parent_id": subsidiary.id,
                "classification_ids": [Command.link(self.hanoi.id)],
            }
        )
        campaign = self._north_campaign()
        self.assertEqual(
            campaign._get_audience_partners(),
            self.hanoi_customer | self.opted_out | subsidiary,
        )

    def test_launch_without_audience_or_over_the_limit_is_refused(self):
        nobody = as_request(self.marketing_user, self.env["utm.campaign"]).create(
            {"title": "Nobody", "date_start": "2027-01-05"}
        )
        with assert_refused(self, UserError, "Choose customer classes"):
            nobody.action_start()
        empty = self._north_campaign(customer_type="competitor", title="Empty")
        with assert_refused(self, UserError, "No customer matches"):
            empty.action_start()
        self.company.marketing_audience_limit = 1
        too_many = self._north_campaign(title="Too many")
        with assert_refused(self, UserError, "more than the 1 your company allows"):
            too_many.action_start()
        for campaign in nobody | empty | too_many:
            self.assertEqual(campaign.state, "draft")
            self.assertFalse(campaign.target_ids)

    def test_state_is_not_written_by_rpc(self):
        Campaign = as_request(self.marketing_user, self.env["utm.campaign"])
        with assert_refused(self, UserError, "status changes only through"):
            Campaign.create({"title": "Born running", "state": "running"})
        campaign = self._north_campaign()
        with assert_refused(self, UserError, "status changes only through"):
            campaign.write({"state": "running"})
        self.assertEqual(campaign.state, "draft")
        self.assertFalse(campaign.target_ids)

    def test_salesperson_reads_only_the_targets_of_her_customers(self):
        campaign = self._north_campaign()
        campaign.action_start()
        Target = as_request(self.salesman, self.env["crm.marketing.target"])
        self.assertEqual(Target.search([]).partner_id, self.hanoi_customer)
        with assert_refused(self, AccessError, "Campaign Target"):
            Target.browse(campaign.target_ids.ids).write({"user_id": self.salesman.id})
        manager = mail_new_test_user(
            self.env,
            login="crm_marketing_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        Target = as_request(manager, self.env["crm.marketing.target"])
        self.assertEqual(
            Target.search([("campaign_id", "=", campaign.id)]), campaign.target_ids
        )

    def test_another_company_customer_never_enters(self):
        other = self.env["res.company"].create({"name": "Hà Nội Freight"})
        theirs = self.env["res.partner"].create(
            {
                "name": "Their Customer",
                "is_company": True,
                "company_id": other.id,
                "classification_ids": [Command.link(self.north.id)],
            }
        )
        self.marketing_user.company_ids |= other
        with assert_refused(self, AccessError, "."):
            self._north_campaign(included_partner_ids=[Command.link(theirs.id)])
        campaign = self._north_campaign()
        campaign.action_start()
        self.assertNotIn(theirs, campaign.target_ids.partner_id)

    def test_launch_queries_do_not_grow_with_the_audience(self):
        def launch(size):
            partners = self.env["res.partner"].create(
                [
                    {
                        "name": f"Khách {size}-{index}",
                        "is_company": True,
                        "user_id": self.salesman.id,
                    }
                    for index in range(size)
                ]
            )
            campaign = self._north_campaign(
                classification_ids=[],
                included_partner_ids=[Command.set(partners.ids)],
                title=f"Size {size}",
            )
            campaign.invalidate_recordset()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            campaign.action_start()
            self.env.flush_all()
            self.assertEqual(campaign.target_count, size)
            return self.env.cr.sql_log_count - before

        launch(2)  # warms the caches the first launch fills (ormcache, registry)
        self.assertEqual(launch(5), launch(60))
