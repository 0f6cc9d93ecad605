from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.crm_freight_pricing.tests.common import FreightCommon


@tagged("post_install", "-at_install")
class TestRatePromotion(FreightCommon):
    """A campaign's rate promotion: Pricing's lower sell floor on the campaign's
    lane, for its targets, while it runs and within its period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketing_user = new_test_user(
            cls.env, "promo_marketer", groups="crm_marketing.group_marketing_user"
        )
        cls.rate = cls._create_fcl_rate()  # 1,500 per 40' HC
        cls._publish_floor(10.0)  # the usual floor: 1,650
        Partner = cls.env["res.partner"]
        cls.target = Partner.create(
            {
                "name": "Dệt May Thành Công",
                "is_company": True,
                "user_id": cls.salesman.id,
            }
        )
        cls.other = Partner.create(
            {"name": "Gỗ Việt Hưng", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.campaign = (
            cls.env["utm.campaign"]
            .with_user(cls.marketing_user)
            .create(
                {
                    "title": "Khuyến mãi tuyến Đà Nẵng → Ninh Ba",
                    "date_start": fields.Date.subtract(cls.today, days=1),
                    "date_end": fields.Date.add(cls.today, days=5),
                    "freight_mode": "sea_fcl",
                    "origin_location_id": cls.pol.id,
                    "destination_location_id": cls.pod.id,
                    "included_partner_ids": [Command.set(cls.target.ids)],
                }
            )
        )
        cls.campaign.action_start()

    def _promote(self, percent=4.0, **values):
        return as_request(self.pricing_user, self.env["freight.rate.markup"]).create(
            {
                "campaign_id": self.campaign.id,
                "freight_mode": "sea_fcl",
                "origin_id": self.pol.id,
                "destination_id": self.pod.id,
                "markup_percent": percent,
                **values,
            }
        )

    def _quote(self, customer, **values):
        """The salesperson's quotation for ``customer`` and the rate search's
        option for one 40' HC."""
        order = as_request(self.salesman, self.env["sale.order"]).create(
            {"partner_id": customer.id}
        )
        search = as_request(self.salesman, self.env["freight.rate.search"]).create(
            {
                "order_id": order.id,
                "freight_mode": "sea_fcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "shipment_date": self.today,
                "container_line_ids": [
                    Command.create({"container_type_id": self.c40hc.id, "quantity": 1})
                ],
                "margin_value": 0.0,
                "sell_rounding": 0.0,
                **values,
            }
        )
        search.action_search()
        return order, search.option_ids

    def test_a_target_is_quoted_from_the_promotion_floor(self):
        self._promote(4.0)
        order, option = self._quote(self.target)
        self.assertEqual(option.total_floor, 1560.0)
        self.assertEqual(option.promotion_campaign_id, self.campaign)
        option.action_add_to_order()
        # the quotation counts for the campaign; its floor is the promotion's
        self.assertEqual(order.campaign_id, self.campaign)
        self.assertEqual(order.order_line.freight_floor_price, 1560.0)
        # a customer the campaign did not aim at keeps the usual floor
        order, option = self._quote(self.other)
        self.assertEqual(option.total_floor, 1650.0)
        self.assertFalse(option.promotion_campaign_id)
        option.action_add_to_order()
        self.assertFalse(order.campaign_id)

    def test_a_promotion_for_everyone_needs_no_target(self):
        self._promote(4.0, targets_only=False)
        self.assertEqual(self._quote(self.other)[1].total_floor, 1560.0)
        search = as_request(self.salesman, self.env["freight.rate.search"]).create(
            {
                "freight_mode": "sea_fcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "container_line_ids": [
                    Command.create({"container_type_id": self.c40hc.id, "quantity": 1})
                ],
                "margin_value": 0.0,
            }
        )
        search.action_search()
        self.assertEqual(search.option_ids.total_floor, 1560.0)

    def test_only_a_running_campaign_within_its_period_promotes(self):
        self._promote(4.0)
        after = fields.Date.add(self.today, days=6)
        option = self._quote(self.target, shipment_date=after)[1]
        self.assertEqual(option.total_floor, 1650.0)
        self.campaign.with_user(self.marketing_user).action_done()
        option = self._quote(self.target)[1]
        self.assertEqual(option.total_floor, 1650.0)
        self.assertFalse(option.promotion_campaign_id)

    def test_a_promotion_never_raises_the_floor(self):
        self._promote(12.0)
        option = self._quote(self.target)[1]
        self.assertEqual(option.total_floor, 1650.0)
        self.assertFalse(option.promotion_campaign_id)

    def test_promotions_are_pricing_business(self):
        promotion = self._promote(4.0)
        Markup = self.env["freight.rate.markup"]
        for user in (self.salesman, self.marketing_user):
            with assert_refused(self, AccessError, "Sell Floor Markup"):
                as_request(user, Markup).create(
                    {
                        "campaign_id": self.campaign.id,
                        "freight_mode": "sea_fcl",
                        "markup_percent": 1.0,
                    }
                )
            with self.assertRaisesRegex(AccessError, "Sell Floor Markup"):
                as_request(user, promotion).read(["markup_percent"])
        with self.assertRaisesRegex(AccessError, "rate_promotion_count"):
            as_request(self.marketing_user, self.campaign).read(
                ["rate_promotion_count"]
            )
        # Pricing sees the campaign's promotions and adds the next one on its lane
        campaign = as_request(self.pricing_user, self.campaign)
        self.assertEqual(campaign.rate_promotion_count, 1)
        action = campaign.action_view_rate_promotions()
        self.assertEqual(Markup.search(action["domain"]), promotion)
        self.assertEqual(action["context"]["default_origin_id"], self.pol.id)

    def test_a_promotion_keeps_to_the_campaign_mode_and_one_per_scope(self):
        self._promote(4.0)
        with assert_refused(self, ValidationError, "already exists"):
            self._promote(3.0)
        with assert_refused(self, ValidationError, "not for the mode"):
            self._promote(
                3.0, freight_mode="air", origin_id=False, destination_id=False
            )
        self.assertEqual(
            self.env["freight.rate.markup"].search_count(
                [("campaign_id", "=", self.campaign.id)]
            ),
            1,
        )
