from odoo import Command
from odoo.exceptions import ValidationError

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import FreightCommon


class TestSellRounding(FreightCommon):
    """Sell prices round per charge basis: the margin asked is the margin quoted,
    within one rounding step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.env["res.currency.rate"].create(
            {
                "currency_id": cls.vnd.id,
                "rate": 25500.0,
                "name": cls.today,
                "company_id": cls.company.id,
            }
        )

    def _air_rate(self, price=5.0, fsc=1.2, **values):
        return self._create_rate(
            carrier=self.airline,
            mode="air",
            origin=self.aol,
            destination=self.aod,
            lines=[{"weight_break": 0, "price": price}],
            surcharges=[{"charge_type_id": self.charge["fsc"].id, "amount": fsc}],
            **values,
        )

    def _air_search(self, user, **values):
        """An air search of 100 kg; the rounding steps are the defaults unless
        ``values`` gives them."""
        search = (
            self.env["freight.rate.search"]
            .with_user(user)
            .create(
                {
                    "freight_mode": "air",
                    "origin_location_id": self.aol.id,
                    "destination_location_id": self.aod.id,
                    "shipment_date": self.today,
                    "gross_weight": 100.0,
                    "cargo_volume": 0.1,
                    "margin_value": 0.0,
                    **values,
                }
            )
        )
        search.action_search()
        return search

    def _assert_markup(self, option, margin, steps, base="cost"):
        """Each charge's sell is its ``base`` (cost or floor) plus ``margin`` %, at
        most one step of its basis more (``steps``: the step by charge code)."""
        charges = self._open(option).charge_ids
        total_base = total_step = 0.0
        for charge in charges:
            unit_base = charge.unit_cost if base == "cost" else charge.unit_floor
            step = steps[charge.charge_type_id.code]
            markup = charge.unit_sell / unit_base - 1
            self.assertGreaterEqual(
                markup, margin / 100 - 1e-9, f"{charge.name} sells under the margin"
            )
            self.assertLessEqual(
                markup - margin / 100,
                step / unit_base + 1e-9,
                f"{charge.name}: {markup:.2%} for {margin} % asked, step {step}",
            )
            total_base += unit_base * charge.quantity
            total_step += step * charge.quantity
        total_markup = sum(charges.mapped("sell")) / total_base - 1
        self.assertLessEqual(total_markup - margin / 100, total_step / total_base)

    def test_per_kg_charges_keep_the_margin_asked(self):
        """The issue's quote: AF 5.00/kg, FSC 1.20/kg at 10 %, rounding 1.00 per
        container or shipment: 10 %, not 28.9 %."""
        self._air_rate()
        search = self._air_search(
            self.salesman_cost, margin_value=10.0, sell_rounding=1.0
        )
        self.assertEqual(search.sell_rounding_weight, 0.01)
        option = as_request(self.salesman_cost, search.option_ids)
        sells = {
            c.charge_type_id.code: c.unit_sell for c in self._open(option).charge_ids
        }
        self.assertEqual(sells, {"AF": 5.5, "FSC": 1.32})
        self.assertAlmostEqual(option.total_sell / option.total_cost - 1, 0.10)
        search.order_id = self.env["sale.order"].create(
            {"partner_id": self.env["res.partner"].create({"name": "Buyer"}).id}
        )
        option.action_add_to_order()
        order = as_request(self.salesman_cost, search.order_id)
        self.assertAlmostEqual(order.amount_untaxed, 550.0 + 132.0)
        cost = order.amount_untaxed - order.margin
        self.assertAlmostEqual(order.margin / cost, 0.1)

    def test_each_basis_rounds_to_its_step(self):
        self._create_fcl_rate(
            price_20=903.37,
            surcharges=[
                {"charge_type_id": self.charge["baf"].id, "amount": 97.13},
                {"charge_type_id": self.charge["doc"].id, "amount": 51.27},
                {"charge_type_id": self.charge["caf"].id, "amount": 3.0},
            ],
        )
        self.assertEqual(self.charge["baf"].basis, "container")
        self.assertEqual(self.charge["doc"].basis, "shipment")
        self.assertEqual(self.charge["caf"].basis, "percent")
        fcl = self._search(
            user=self.salesman_cost,
            container_line_ids=[
                Command.create({"container_type_id": self.c20.id, "quantity": 3})
            ],
            margin_value=12.5,
            sell_rounding=10.0,
            sell_rounding_weight=0.05,
        )
        steps = {"OF": 10.0, "BAF": 10.0, "DOC": 10.0, "CAF": 10.0}
        self._assert_markup(as_request(self.salesman_cost, fcl.option_ids), 12.5, steps)

        self._air_rate(price=4.37, fsc=1.23)
        air = self._air_search(
            self.salesman_cost,
            margin_value=12.5,
            sell_rounding=10.0,
            sell_rounding_weight=0.05,
        )
        steps = {"AF": 0.05, "FSC": 0.05}
        self._assert_markup(as_request(self.salesman_cost, air.option_ids), 12.5, steps)

        lcl_rate = self._create_rate(
            mode="sea_lcl",
            lines=[{"price": 23.41}],
            surcharges=[{"charge_type_id": self.charge["cfs"].id, "amount": 12.07}],
        )
        lcl = self._search(
            user=self.salesman_cost,
            freight_mode="sea_lcl",
            gross_weight=2300.0,
            cargo_volume=3.7,
            margin_value=12.5,
            sell_rounding=10.0,
            sell_rounding_weight=0.05,
        )
        steps = {lcl_rate.freight_charge_type_id.code: 0.05, "CFS": 0.05}
        self._assert_markup(as_request(self.salesman_cost, lcl.option_ids), 12.5, steps)

        self._create_rate(
            mode="truck",
            lines=[{"vehicle_type_id": self.truck_5t.id, "price": 251.3}],
        )
        truck = self._search(
            user=self.salesman_cost,
            freight_mode="truck",
            vehicle_type_id=self.truck_5t.id,
            trip_count=2,
            margin_value=12.5,
            sell_rounding=10.0,
            sell_rounding_weight=0.05,
        )
        option = as_request(self.salesman_cost, truck.option_ids)
        self.assertEqual(
            self._open(option).charge_ids.unit_sell, 290.0
        )  # 282.71 up to 10
        self._assert_markup(option, 12.5, {option.charge_ids.charge_type_id.code: 10})

    def test_salesperson_quotes_the_floor_plus_the_margin(self):
        self._publish_floor(5.0, mode="air")
        self._air_rate()
        search = self._air_search(self.salesman, margin_value=10.0, sell_rounding=1.0)
        option = as_request(self.salesman, search.option_ids)
        sells = {
            c.charge_type_id.code: c.unit_sell for c in self._open(option).charge_ids
        }
        # floors 5.25 and 1.26, plus 10 %: 5.775 and 1.386 up to the cent
        self.assertEqual(sells, {"AF": 5.78, "FSC": 1.39})
        self._assert_markup(option, 10.0, {"AF": 0.01, "FSC": 0.01}, base="floor")

    def test_default_steps_follow_the_quote_currency(self):
        search = self._air_search(self.salesman_cost)
        self.assertEqual((search.sell_rounding, search.sell_rounding_weight), (1, 0.01))
        in_vnd = self._air_search(self.salesman_cost, currency_id=self.vnd.id)
        self.assertEqual((in_vnd.sell_rounding, in_vnd.sell_rounding_weight), (1000, 1))
        self.company.write(
            {"freight_sell_rounding": 5.0, "freight_sell_rounding_weight": 0.05}
        )
        search = self._air_search(self.salesman_cost)
        self.assertEqual((search.sell_rounding, search.sell_rounding_weight), (5, 0.05))
        # the company's steps are in its currency: a VND quote keeps VND's own
        in_vnd = self._air_search(self.salesman_cost, currency_id=self.vnd.id)
        self.assertEqual((in_vnd.sell_rounding, in_vnd.sell_rounding_weight), (1000, 1))

    def test_vnd_quote_rounds_to_thousands_per_shipment(self):
        self._air_rate(minimum_amount=201.3)
        search = self._air_search(
            self.salesman_cost,
            gross_weight=10.0,
            currency_id=self.vnd.id,
            margin_value=10.0,
        )
        charges = self._open(
            as_request(self.salesman_cost, search.option_ids)
        ).charge_ids
        sells = {c.charge_type_id.code: c.unit_sell for c in charges}
        # the 201.30 USD minimum is one lump: 5,646,465 VND up to the thousand; FSC
        # stays per kg: 1.20 x 25,500 x 1.1 = 33,660 VND
        self.assertEqual(sells, {"AF": 5_647_000.0, "FSC": 33_660.0})

    def test_negative_rounding_is_refused(self):
        with assert_refused(self, ValidationError, "rounding cannot be negative"):
            self.company.freight_sell_rounding_weight = -0.01
