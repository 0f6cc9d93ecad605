from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon


class TestFreightSellFloor(FreightCommon):
    """Salespeople without the cost group quote from Pricing's sell floor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = mail_new_test_user(
            cls.env,
            login="floor_seller",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.rate = cls._create_fcl_rate(
            surcharges=[{"charge_type_id": cls.charge["baf"].id, "amount": 100.0}]
        )
        cls.Markup = cls.env["freight.rate.markup"]
        cls.containers = [
            Command.create({"container_type_id": cls.c40hc.id, "quantity": 2})
        ]

    def _search_as(self, user, **values):
        search = as_request(user, self.env["freight.rate.search"]).create(
            {
                "freight_mode": "sea_fcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "shipment_date": self.today,
                "container_line_ids": self.containers,
                "margin_value": 0.0,
                "sell_rounding": 0.0,
                **values,
            }
        )
        search.action_search()
        return as_request(user, search)

    def test_without_markup_salespeople_are_sent_to_pricing(self):
        with self.assertRaisesRegex(UserError, "no sell floor.*service inquiry"):
            self._search_as(self.seller)
        # users who see buy rates still price from the cost
        option = self._search_as(self.salesman_cost).option_ids
        self.assertEqual(option.total_sell, 3200.0)
        self.assertFalse(option.total_floor)

    def test_zero_margin_shows_the_floor_never_the_cost(self):
        self.Markup.create({"freight_mode": "sea_fcl", "markup_percent": 10.0})
        option = self._search_as(self.seller).option_ids
        # cost 2 x 1500 + 2 x 100 = 3200; floor 10 % above it
        self.assertEqual(
            option.read(["total_sell", "total_floor"])[0]["total_sell"], 3520.0
        )
        self.assertEqual(option.total_floor, 3520.0)
        self.assertEqual(
            self._open(option).charge_ids.mapped("unit_sell"), [1650.0, 110.0]
        )
        with self.assertRaisesRegex(AccessError, '"total_cost"'):
            option.read(["total_cost"])
        with self.assertRaisesRegex(AccessError, '"unit_price"'):
            option.charge_ids.read(["unit_price"])
        # the salesperson's margin sits on the floor
        option = self._search_as(
            self.seller, margin_value=10.0, sell_rounding=1.0
        ).option_ids
        self.assertEqual(option.total_sell, 2 * 1815.0 + 2 * 121.0)

    def test_cost_group_sees_cost_and_floor_and_prices_from_cost(self):
        self.Markup.create({"freight_mode": "sea_fcl", "markup_percent": 10.0})
        option = self._search_as(self.salesman_cost, margin_value=5.0).option_ids
        values = option.read(["total_cost", "total_floor", "total_sell"])[0]
        self.assertEqual(
            (values["total_cost"], values["total_floor"], values["total_sell"]),
            (3200.0, 3520.0, 3360.0),
        )

    def test_the_most_specific_markup_wins(self):
        other_line = self.env["res.partner"].create(
            {"name": "Other Line", "is_shipping_line": True}
        )
        other_rate = self._create_fcl_rate(carrier=other_line)
        self.Markup.create(
            [
                {"freight_mode": "sea_fcl", "markup_percent": 10.0},
                {
                    "freight_mode": "sea_fcl",
                    "markup_percent": 8.0,
                    "carrier_id": other_line.id,
                },
                {
                    "freight_mode": "sea_fcl",
                    "markup_percent": 5.0,
                    "origin_id": self.pol.id,
                    "destination_id": self.pod.id,
                },
                {"freight_mode": "air", "markup_percent": 1.0},
            ]
        )
        markups = self.Markup._get_markups(self.rate | other_rate)
        self.assertEqual(
            {rate: markup.markup_percent for rate, markup in markups.items()},
            {self.rate: 5.0, other_rate: 5.0},
        )
        self.Markup.create(
            {
                "freight_mode": "sea_fcl",
                "markup_percent": 3.0,
                "destination_id": self.pod.id,
                "origin_id": self.pol.id,
                "carrier_id": other_line.id,
            }
        )
        markups = self.Markup._get_markups(self.rate | other_rate)
        self.assertEqual(
            {rate: markup.markup_percent for rate, markup in markups.items()},
            {self.rate: 5.0, other_rate: 3.0},
        )

    def test_markups_are_pricing_business_and_hidden_from_sales(self):
        markup = as_request(self.pricing_user, self.Markup).create(
            {"freight_mode": "sea_fcl", "markup_percent": 10.0}
        )
        for user in (self.seller, self.salesman):
            with self.assertRaisesRegex(AccessError, "Sell Floor Markup"):
                as_request(user, self.Markup).search([])
            with self.assertRaisesRegex(AccessError, "Sell Floor Markup"):
                as_request(user, markup).read(["markup_percent"])
        # the cost group reads them; only pricing changes them
        self.assertEqual(as_request(self.salesman_cost, markup).markup_percent, 10.0)
        with self.assertRaisesRegex(AccessError, "Sell Floor Markup"):
            as_request(self.salesman_cost, markup).write({"markup_percent": 1.0})

    def test_bad_markups_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "above 0 %"):
            self.Markup.create({"freight_mode": "sea_fcl", "markup_percent": 0.0})
        self.Markup.create({"freight_mode": "air", "markup_percent": 10.0})
        with (
            self.assertRaisesRegex(ValidationError, "already exists"),
            self.env.cr.savepoint(),
        ):
            self.Markup.create({"freight_mode": "air", "markup_percent": 12.0})
        self.assertEqual(self.Markup.search_count([("freight_mode", "=", "air")]), 1)
