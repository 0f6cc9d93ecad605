from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestFreightPricingTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        today = fields.Date.today()
        # the salesperson the cost group is withheld from, quoting from the floor
        cls.seller = mail_new_test_user(
            cls.env,
            login="tour_seller",
            password="tour_seller_pw",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.env["freight.rate.markup"].search([]).unlink()
        cls.env["freight.rate.markup"].create(
            {"freight_mode": "sea_fcl", "markup_percent": 10.0}
        )
        cls.env.company.external_report_layout_id = ref("web.external_layout_standard")
        c40hc = ref("crm_freight_pricing.container_type_40hc")
        for name, price in (("Tour Cheap Line", 1100.0), ("Tour Dear Line", 1400.0)):
            rate = cls.env["freight.rate"].create(
                {
                    "carrier_id": cls.env["res.partner"]
                    .create({"name": name, "is_shipping_line": True})
                    .id,
                    "freight_mode": "sea_fcl",
                    "origin_id": ref("crm_freight_pricing.location_vndad").id,
                    "destination_id": ref("crm_freight_pricing.location_cnngb").id,
                    "date_from": today,
                    "date_to": fields.Date.add(today, days=14),
                    "line_ids": [
                        Command.create({"container_type_id": c40hc.id, "price": price})
                    ],
                    "surcharge_ids": [
                        Command.create(
                            {
                                "charge_type_id": ref(
                                    "crm_freight_pricing.freight_charge_type_baf"
                                ).id,
                                "amount": 80.0,
                            }
                        )
                    ],
                }
            )
            rate.action_activate()
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.env["res.partner"]
                .create({"name": "Da Nang Furniture"})
                .id,
                "user_id": cls.seller.id,
                "freight_mode": "sea_fcl",
                "origin_location_id": ref("crm_freight_pricing.location_vndad").id,
                "destination_location_id": ref("crm_freight_pricing.location_cnngb").id,
                "shipment_date": today,
                "container_line_ids": [
                    Command.create({"container_type_id": c40hc.id, "quantity": 2})
                ],
            }
        )

    def test_search_rates_add_them_and_print(self):
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "crm_freight_pricing_tour",
            login="tour_seller",
        )
        self.env.invalidate_all()
        freight = self.order.order_line.filtered(
            lambda line: line.freight_charge_type_id.code == "OF"
        )
        self.assertEqual(freight.freight_rate_id.carrier_id.name, "Tour Cheap Line")
        # 1100 of cost, 10 % of floor markup, then the salesperson's 12 %, rounded up
        self.assertEqual((freight.product_uom_qty, freight.price_unit), (2, 1356.0))
        self.assertEqual(freight.purchase_price, 1100.0)
        self.authenticate("tour_seller", "tour_seller_pw")
        printed = self.url_open(f"/report/html/sale.report_saleorder/{self.order.id}")
        self.assertEqual(printed.status_code, 200)
        self.assertIn("o_freight_shipment", printed.text)
        self.assertIn("2 x 40HC", printed.text)
        self.assertIn("1,356.00", printed.text)
        self.assertNotIn("1,100.00", printed.text)
        self.assertNotIn("1,210.00", printed.text)
