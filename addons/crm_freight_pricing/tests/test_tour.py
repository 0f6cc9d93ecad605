from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFreightPricingTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        today = fields.Date.today()
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
                "user_id": ref("base.user_admin").id,
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
            login="admin",
        )
        self.env.invalidate_all()
        freight = self.order.order_line.filtered(
            lambda line: line.freight_charge_type_id.code == "OF"
        )
        self.assertEqual(freight.freight_rate_id.carrier_id.name, "Tour Cheap Line")
        self.assertEqual((freight.product_uom_qty, freight.price_unit), (2, 1232.0))
        self.authenticate("admin", "admin")
        printed = self.url_open(f"/report/html/sale.report_saleorder/{self.order.id}")
        self.assertEqual(printed.status_code, 200)
        self.assertIn("o_freight_shipment", printed.text)
        self.assertIn("2 x 40HC", printed.text)
