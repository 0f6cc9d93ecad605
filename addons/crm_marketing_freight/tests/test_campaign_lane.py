from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.crm_marketing.tests.common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestCampaignLane(CrmMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Location = cls.env["freight.location"]

        def location(code, name, country):
            return Location.search([("code", "=", code)]) or Location.create(
                {"name": name, "code": code, "country_id": cls.env.ref(country).id}
            )

        cls.cat_lai = location("VNCLI", "Cát Lái", "base.vn")
        cls.busan = location("KRPUS", "Busan", "base.kr")
        cls.customer.user_id = cls.salesman

    def test_an_opportunity_from_a_campaign_call_carries_the_lane(self):
        campaign = as_request(self.marketing_user, self.env["utm.campaign"]).create(
            {
                "title": "Tuyến mới Cát Lái → Busan",
                "date_start": "2027-01-20",
                "freight_mode": "sea_fcl",
                "origin_location_id": self.cat_lai.id,
                "destination_location_id": self.busan.id,
                "task_type_id": self.env.ref("crm_customer.interaction_type_call").id,
                "included_partner_ids": [Command.set(self.customer.ids)],
            }
        )
        campaign.action_start()
        task = as_request(self.salesman, self.env["crm.customer.interaction"]).search(
            [("campaign_id", "=", campaign.id)]
        )
        action = task.action_new_opportunity()
        Lead = as_request(self.salesman, self.env["crm.lead"]).with_context(
            **action["context"]
        )
        with Form(Lead) as form:
            form.expected_revenue = 90_000_000
        lead = form.record
        self.assertEqual(lead.campaign_id, campaign)
        self.assertEqual(lead.freight_mode, "sea_fcl")
        self.assertEqual(lead.origin_location_id, self.cat_lai)
        self.assertEqual(lead.destination_location_id, self.busan)

    def test_a_lane_to_itself_is_refused(self):
        Campaign = as_request(self.marketing_user, self.env["utm.campaign"])
        with assert_refused(self, ValidationError, "goes from .* to itself"):
            Campaign.create(
                {
                    "title": "Nowhere",
                    "origin_location_id": self.cat_lai.id,
                    "destination_location_id": self.cat_lai.id,
                }
            )
        self.assertFalse(self.env["utm.campaign"].search([("title", "=", "Nowhere")]))

    def test_market_information_names_its_lane(self):
        Intelligence = as_request(
            self.marketing_user, self.env["crm.market.intelligence"]
        )
        news = Intelligence.create(
            {
                "name": "GRI tuyến Cát Lái - Busan tháng 1",
                "origin_location_id": self.cat_lai.id,
                "destination_location_id": self.busan.id,
            }
        )
        self.assertEqual(
            Intelligence.search([("destination_location_id", "=", self.busan.id)]),
            news,
        )
