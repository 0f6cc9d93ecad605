from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestPricingInquiryTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        today = fields.Date.today()
        cls.pricer = mail_new_test_user(
            cls.env,
            login="tour_pricing_mai",
            name="Võ Thị Mai",
            groups="base.group_user,crm_freight_pricing.group_freight_pricing_user",
        )
        cls.seller = mail_new_test_user(
            cls.env,
            login="tour_pricing_seller",
            groups="base.group_user,base.group_partner_manager,"
            "sales_team.group_sale_salesman",
        )
        c40hc = ref("crm_freight_pricing.container_type_40hc")
        origin = ref("crm_freight_pricing.location_vndad")
        destination = ref("crm_freight_pricing.location_cnngb")
        for name, price in (
            ("Tour Pricing Line", 1000.0),
            ("Tour Dearer Line", 1300.0),
        ):
            cls.env["freight.rate"].create(
                {
                    "carrier_id": cls.env["res.partner"]
                    .create({"name": name, "is_shipping_line": True})
                    .id,
                    "freight_mode": "sea_fcl",
                    "origin_id": origin.id,
                    "destination_id": destination.id,
                    "date_from": today,
                    "date_to": fields.Date.add(today, days=14),
                    "line_ids": [
                        Command.create({"container_type_id": c40hc.id, "price": price})
                    ],
                }
            ).action_activate()
        cls.inquiry = (
            cls.env["freight.inquiry"]
            .with_user(cls.seller)
            .create(
                {
                    "partner_id": cls.env["res.partner"]
                    .create({"name": "Công ty Nội thất Đà Nẵng", "is_company": True})
                    .id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": origin.id,
                    "destination_location_id": destination.id,
                    "container_line_ids": [
                        Command.create({"container_type_id": c40hc.id, "quantity": 2})
                    ],
                }
            )
        )
        cls.inquiry.action_submit()

    def test_pricing_user_answers_an_inquiry_from_rates(self):
        self.start_tour(
            f"/odoo/action-crm_freight_pricing.freight_inquiry_action/{self.inquiry.id}",
            "crm_freight_pricing_inquiry_tour",
            login="tour_pricing_mai",
        )
        self.env.invalidate_all()
        self.assertEqual(self.inquiry.state, "quoted")
        self.assertEqual(self.inquiry.pricing_user_id, self.pricer)
        order = self.inquiry.order_id
        self.assertEqual(order.user_id, self.seller)
        freight = order.order_line.filtered("freight_rate_id")
        self.assertEqual(freight.freight_rate_id.carrier_id.name, "Tour Pricing Line")
        self.assertEqual((freight.product_uom_qty, freight.price_unit), (2, 1100.0))
