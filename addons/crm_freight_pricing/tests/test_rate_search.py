from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_customer.tests.common import as_request

from .common import FreightCommon, explain_rate_search


class TestRateSearch(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fcl_rate = cls._create_fcl_rate(
            transit_days=7,
            surcharges=[
                {"charge_type_id": cls.charge["baf"].id, "amount": 100.0},
                {
                    "charge_type_id": cls.charge["thc"].id,
                    "amount": 150.0,
                    "container_type_id": cls.c40hc.id,
                },
                {"charge_type_id": cls.charge["doc"].id, "amount": 50.0},
                {"charge_type_id": cls.charge["caf"].id, "amount": 10.0},
            ],
        )
        cls.containers = [
            Command.create({"container_type_id": cls.c40hc.id, "quantity": 2}),
            Command.create({"container_type_id": cls.c20.id, "quantity": 1}),
        ]

    def _charges(self, option):
        return {
            charge.name: (charge.quantity, charge.cost)
            for charge in self._open(option).charge_ids
        }

    def test_fcl_several_containers_with_surcharges(self):
        option = self._search(container_line_ids=self.containers).option_ids
        self.assertEqual(len(option), 1)
        # 2 x 1500 + 900 freight, BAF 3 x 100, THC 2 x 150 (40HC only), DOC 50,
        # CAF 10% of the 3900 freight
        self.assertEqual(option.total_cost, 3900 + 300 + 300 + 50 + 390)
        charges = self._charges(option)
        self.assertEqual(charges["OF - Ocean Freight 40HC"], (2, 3000))
        self.assertEqual(charges["THC - Terminal Handling Charge"], (2, 300))
        self.assertEqual(charges["CAF - Currency Adjustment Factor"], (1, 390))

    def test_options_are_sorted_cheapest_first_with_margin(self):
        cheaper = self._create_fcl_rate(
            carrier=self.airline, price_20=800.0, price_40hc=1200.0
        )
        search = self._search(
            container_line_ids=self.containers, margin_type="percent", margin_value=10.0
        )
        self.assertEqual(search.option_ids.rate_id.ids, [cheaper.id, self.fcl_rate.id])
        first = search.option_ids[0]
        self.assertEqual(first.total_cost, 3200.0)
        self.assertEqual(first.total_sell, 3520.0)
        self.assertEqual(first.margin, 320.0)

    def test_fixed_margin_goes_on_freight_and_rounds_up(self):
        search = self._search(
            container_line_ids=[Command.create({"container_type_id": self.c20.id})],
            margin_type="fixed",
            margin_value=55.5,
            sell_rounding=10.0,
        )
        sells = {
            charge.name: charge.unit_sell
            for charge in self._open(search.option_ids).charge_ids
        }
        self.assertEqual(sells["OF - Ocean Freight 20GP"], 960.0)  # 955.5 rounded up
        self.assertEqual(sells["DOC - Documentation Fee (B/L)"], 50.0)

    def test_unknown_equipment_gives_no_option(self):
        reefer = self.env.ref("crm_freight_pricing.container_type_20rf")
        search = self._search(
            container_line_ids=[Command.create({"container_type_id": reefer.id})]
        )
        self.assertTrue(search.searched)
        self.assertFalse(search.option_ids)

    def test_air_break_point_and_per_kg_surcharge(self):
        self._create_rate(
            carrier=self.airline,
            mode="air",
            origin=self.aol,
            destination=self.aod,
            minimum_amount=60.0,
            lines=[
                {"weight_break": 0, "price": 5.0},
                {"weight_break": 45, "price": 4.0},
                {"weight_break": 100, "price": 3.5},
            ],
            surcharges=[{"charge_type_id": self.charge["fsc"].id, "amount": 1.2}],
        )
        search = self._search(
            freight_mode="air",
            origin_location_id=self.aol.id,
            destination_location_id=self.aod.id,
            gross_weight=90.0,
            cargo_volume=0.3,
        )
        self.assertEqual(search.chargeable_weight, 90.0)
        option = search.option_ids
        # 90 kg x 4.0 = 360 > 100 kg x 3.5 = 350: billed as 100 kg; FSC on 90 kg
        self.assertEqual(option.total_cost, 350.0 + 108.0)
        self.assertEqual(self._charges(option)["AF - Air Freight +100"], (100, 350))
        small = self._search(
            freight_mode="air",
            origin_location_id=self.aol.id,
            destination_location_id=self.aod.id,
            gross_weight=8.0,
        )
        self.assertEqual(
            self._charges(small.option_ids)["AF - Air Freight (minimum)"], (1, 60)
        )

    def test_lcl_minimum_and_wm_surcharge(self):
        self._create_rate(
            mode="sea_lcl",
            minimum_amount=35.0,
            lines=[{"price": 20.0}],
            surcharges=[{"charge_type_id": self.charge["cfs"].id, "amount": 12.0}],
        )
        search = self._search(
            freight_mode="sea_lcl", gross_weight=500.0, cargo_volume=0.8
        )
        self.assertEqual(search.revenue_tons, 0.8)
        # 0.8 W/M x 20 = 16 under the 35 minimum; CFS 0.8 x 12
        self.assertEqual(search.option_ids.total_cost, 35.0 + 9.6)
        big = self._search(
            freight_mode="sea_lcl", gross_weight=3000.0, cargo_volume=2.0
        )
        self.assertEqual(big.option_ids.total_cost, 3 * 20.0 + 3 * 12.0)

    def test_trucking_per_trip(self):
        self._create_rate(
            carrier=self.carrier,
            mode="truck",
            lines=[{"vehicle_type_id": self.truck_5t.id, "price": 250.0}],
        )
        search = self._search(
            freight_mode="truck", vehicle_type_id=self.truck_5t.id, trip_count=2
        )
        self.assertEqual(search.option_ids.total_cost, 500.0)

    def test_costs_are_converted_into_the_quote_currency(self):
        vnd = self.env.ref("base.VND")
        vnd.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": vnd.id,
                "rate": 26000.0,
                "name": self.today,
                "company_id": self.company.id,
            }
        )
        self.fcl_rate.surcharge_ids.filtered(
            lambda s: s.charge_type_id.code == "DOC"
        ).write({"amount": 1_300_000.0, "currency_id": vnd.id})
        search = self._search(
            container_line_ids=[Command.create({"container_type_id": self.c20.id})],
            currency_id=vnd.id,
        )
        option = search.option_ids
        doc = self._open(option).charge_ids.filtered(
            lambda charge: charge.charge_type_id.code == "DOC"
        )
        self.assertEqual((doc.cost, doc.cost_converted), (1_300_000.0, 1_300_000.0))
        # freight 900 + BAF 100 + CAF 90 in USD at 26,000, DOC already in VND
        self.assertEqual(option.total_cost, 1090 * 26000 + 1_300_000)

    def test_bad_search_input_is_refused(self):
        with self.assertRaisesRegex(UserError, "containers"):
            self._search()
        with self.assertRaisesRegex(UserError, "gross weight"):
            self._search(
                freight_mode="air",
                origin_location_id=self.aol.id,
                destination_location_id=self.aod.id,
            )
        with self.assertRaisesRegex(UserError, "truck type"):
            self._search(freight_mode="truck")

    def test_salesman_without_cost_group_sees_sell_prices_only(self):
        self._publish_floor(5.0)
        search = self._search(
            user=self.salesman, container_line_ids=self.containers, margin_value=10.0
        )
        option = as_request(self.salesman, search.option_ids)
        # 4940 of cost, 5 % of floor markup, then the salesperson's 10 %
        self.assertAlmostEqual(option.read(["total_sell"])[0]["total_sell"], 5705.7)
        self.assertAlmostEqual(option.total_floor, 5187.0)
        with self.assertRaisesRegex(AccessError, '"total_cost"'):
            option.read(["total_cost"])
        with self.assertRaisesRegex(AccessError, '"unit_price"'):
            self._open(option).charge_ids.read(["unit_price"])

    def test_rate_lookup_takes_two_queries(self):
        Line = self.env["freight.rate.line"]
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            lines = Line._search_valid_lines(self.pol, self.pod, "sea_fcl", self.today)
            self.assertEqual(lines.rate_id.mapped("transit_days"), [7])

    def test_rate_lookup_uses_the_search_index(self):
        # 50,000 active prices on other lanes: the lane query must not scan them
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO freight_rate_line (rate_id, price, weight_break,
                carrier_id, freight_mode, origin_id, destination_id, date_from,
                date_to, state, company_id)
            SELECT %(rate)s, 10, g, %(carrier)s, 'air', %(origin)s, %(destination)s,
                   CURRENT_DATE - 5, CURRENT_DATE + 5, 'active', %(company)s
              FROM generate_series(1, 50000) g
            """,
            {
                "rate": self.fcl_rate.id,
                "carrier": self.carrier.id,
                "origin": self.aod.id,
                "destination": self.aol.id,
                "company": self.company.id,
            },
        )
        self.env.cr.execute("ANALYZE freight_rate_line")
        plan = explain_rate_search(self.env, self.pol, self.pod, "sea_fcl", self.today)
        self.assertIn("Index Scan", plan)
        self.assertNotIn("Seq Scan", plan)
        execution_ms = float(plan.rsplit("Execution Time: ", 1)[1].split(" ms")[0])
        self.assertLess(execution_ms, 50)
