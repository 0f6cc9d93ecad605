import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaign(CrmMarketingCommon):
    def test_marketing_user_creates_and_runs_a_campaign(self):
        Campaign = as_request(self.marketing_user, self.env["utm.campaign"])
        campaign = Campaign.create(
            {
                "title": "Tết rate promotion",
                "goal": "Trading customers of Miền Bắc book before Tết",
                "date_start": "2027-01-05",
                "date_end": "2027-02-05",
                "team_id": self.team.id,
                "included_partner_ids": [Command.link(self.customer.id)],
                "channel_ids": [
                    Command.link(
                        self.env.ref("crm_marketing.crm_marketing_channel_email").id
                    )
                ],
            }
        )
        self.assertEqual(campaign.state, "draft")
        self.assertEqual(campaign.company_id, self.company)
        self.assertEqual(campaign.user_id, self.marketing_user)
        campaign.action_start()
        self.assertEqual(campaign.state, "running")
        campaign.action_done()
        self.assertEqual(campaign.state, "done")
        with assert_refused(self, UserError, "Only a running campaign"):
            campaign.action_done()

    def test_start_needs_a_start_date_and_a_draft(self):
        campaign = self._campaign(date_start=False, date_end=False)
        mine = as_request(self.marketing_user, campaign)
        with assert_refused(self, UserError, "start date"):
            mine.action_start()
        self.assertEqual(campaign.state, "draft")
        mine.action_cancel()
        with assert_refused(self, UserError, "Only a draft campaign can start"):
            mine.action_start()
        mine.action_draft()
        self.assertEqual(campaign.state, "draft")

    def test_bad_input_is_refused_and_nothing_saved(self):
        Campaign = as_request(self.marketing_manager, self.env["utm.campaign"])
        with assert_refused(self, ValidationError, "cannot end before it starts"):
            Campaign.create(
                {
                    "title": "Backwards",
                    "date_start": "2027-02-01",
                    "date_end": "2027-01-01",
                }
            )
        with assert_refused(self, ValidationError, "budget .* cannot be negative"):
            Campaign.create({"title": "Negative", "budget": -1})
        self.assertFalse(
            self.env["utm.campaign"].search(
                [("title", "in", ("Backwards", "Negative"))]
            )
        )
        campaign = self._campaign()
        Cost = as_request(self.marketing_user, self.env["crm.marketing.cost"])
        with assert_refused(self, ValidationError, "cannot be negative"):
            Cost.create({"campaign_id": campaign.id, "amount": -5, "kind": "event"})
        self.assertFalse(
            self.env["crm.marketing.cost"].search([("campaign_id", "=", campaign.id)])
        )

    def test_salesperson_reads_the_campaign_and_its_material_only(self):
        attachment = self.env["ir.attachment"].create(
            {"name": "busan_flyer.pdf", "datas": base64.b64encode(b"%PDF-1.4 flyer")}
        )
        campaign = self._campaign(material_ids=[Command.link(attachment.id)])
        self.assertEqual(
            (attachment.res_model, attachment.res_id), ("utm.campaign", campaign.id)
        )
        mine = as_request(self.salesman, campaign)
        self.assertEqual(mine.title, "Cát Lái → Busan weekly")
        material = mine.material_ids
        self.assertEqual(material.mapped("name"), ["busan_flyer.pdf"])
        self.assertEqual(base64.b64decode(material.datas), b"%PDF-1.4 flyer")
        with assert_refused(self, AccessError, "budget"):
            as_request(self.salesman, campaign).read(["budget"])
        with assert_refused(self, AccessError, "Campaign"):
            as_request(self.salesman, campaign).write({"title": "Mine now"})
        with assert_refused(self, AccessError, "Campaign"):
            as_request(self.salesman, self.env["utm.campaign"]).create(
                {"title": "Salesperson's own"}
            )
        self.assertEqual(campaign.title, "Cát Lái → Busan weekly")

    def test_only_marketing_managers_set_the_budget(self):
        campaign = self._campaign()
        with assert_refused(self, AccessError, "Only marketing managers"):
            as_request(self.marketing_user, campaign).write({"budget": 50_000_000})
        as_request(self.marketing_manager, campaign).write({"budget": 50_000_000})
        self.assertEqual(campaign.budget, 50_000_000)
        self.assertEqual(as_request(self.marketing_user, campaign).budget, 50_000_000)

    def test_another_company_campaign_is_invisible(self):
        other = self.env["res.company"].create({"name": "Hà Nội Freight"})
        theirs = self._campaign(title="Their campaign", company_id=other.id)
        self.marketing_user.company_ids |= other
        mine = as_request(self.marketing_user, self.env["utm.campaign"])
        self.assertFalse(mine.search([("id", "=", theirs.id)]))
        with assert_refused(self, AccessError, "Campaign"):
            as_request(self.marketing_user, theirs).title  # noqa: B018
