from odoo import Command

from odoo.addons.crm_customer.tests.common import as_request

from .common import FreightCommon


class TestRateSearchPortGroup(FreightCommon):
    """A salesperson (own documents, no cost group) searches from a metro area or
    from one of its ports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.hcmc = ref("crm_freight_pricing.location_group_vn_hcm")
        cls.cat_lai = ref("crm_freight_pricing.location_vncli")
        cls.cai_mep = ref("crm_freight_pricing.location_vncmt")
        cls.hiep_phuoc = ref("crm_freight_pricing.location_vn_hiep_phuoc")
        # a port of its own, so that no other buy rate (demo data) serves the lane
        cls.rotterdam = cls.env["freight.location"].create(
            {
                "name": "Rotterdam Test Terminal",
                "code": "NLXRT",
                "country_id": ref("base.nl").id,
                "kind": "seaport",
            }
        )
        cls.other_line = cls.env["res.partner"].create(
            {"name": "Other Line", "is_company": True, "is_shipping_line": True}
        )
        cls.cai_mep_rate = cls._create_fcl_rate(
            origin=cls.cai_mep, destination=cls.rotterdam, price_20=1000.0
        )
        cls.hiep_phuoc_rate = cls._create_fcl_rate(
            carrier=cls.other_line,
            origin=cls.hiep_phuoc,
            destination=cls.rotterdam,
            price_20=1100.0,
        )
        cls._publish_floor(10.0)
        cls.customer = cls.env["res.partner"].create(
            {"name": "Nội Thất Việt", "user_id": cls.salesman.id}
        )
        cls.order = cls.env["sale.order"].create(
            {"partner_id": cls.customer.id, "user_id": cls.salesman.id}
        )

    def _search_from(self, origin, **values):
        return self._search(
            user=self.salesman,
            origin_location_id=origin.id,
            destination_location_id=self.rotterdam.id,
            container_line_ids=[Command.create({"container_type_id": self.c20.id})],
            **values,
        )

    def test_group_search_lists_each_port_rates_with_their_port(self):
        search = as_request(self.salesman, self._search_from(self.hcmc))
        options = search.option_ids
        self.assertEqual(options.rate_id, self.cai_mep_rate | self.hiep_phuoc_rate)
        self.assertEqual(
            options.mapped("origin_id.display_name"), ["VNCMT - Cai Mep", "Hiep Phuoc"]
        )
        self.assertFalse(any(options.mapped("is_neighbour_port")))
        self.assertFalse(search.neighbour_ports_only)

    def test_buy_rates_filtered_by_the_metro_area_name(self):
        Rate = as_request(self.pricing_user, self.env["freight.rate"])
        self.assertEqual(
            Rate.search(
                [
                    ("origin_id", "ilike", "ho chi minh"),
                    ("destination_id", "=", self.rotterdam.id),
                ]
            ),
            self.cai_mep_rate | self.hiep_phuoc_rate,
        )

    def test_member_without_rates_gets_its_neighbours_as_hints(self):
        search = as_request(self.salesman, self._search_from(self.cat_lai))
        self.assertEqual(
            search.option_ids.rate_id, self.cai_mep_rate | self.hiep_phuoc_rate
        )
        self.assertTrue(all(search.option_ids.mapped("is_neighbour_port")))
        self.assertTrue(search.neighbour_ports_only)

    def test_member_with_own_rates_shows_only_them(self):
        cat_lai_rate = self._create_fcl_rate(
            carrier=self.airline, origin=self.cat_lai, destination=self.rotterdam
        )
        search = as_request(self.salesman, self._search_from(self.cat_lai))
        self.assertEqual(search.option_ids.rate_id, cat_lai_rate)
        self.assertFalse(search.neighbour_ports_only)

    def test_port_outside_any_group_gets_no_hint(self):
        search = self._search_from(self.env.ref("crm_freight_pricing.location_vnvut"))
        self.assertTrue(search.searched)
        self.assertFalse(search.option_ids)

    def test_adding_a_neighbour_rate_quotes_from_its_port(self):
        search = self._search_from(self.cat_lai, order_id=self.order.id)
        option = search.option_ids.filtered(
            lambda option: option.rate_id == self.cai_mep_rate
        )
        as_request(self.salesman, option).action_add_to_order()
        order = as_request(self.salesman, self.order)
        self.assertEqual(order.origin_location_id, self.cai_mep)
        self.assertEqual(order.destination_location_id, self.rotterdam)
        self.assertEqual(order.order_line.freight_rate_id, self.cai_mep_rate)

    def test_group_expansion_costs_no_query_per_port(self):
        search = self._search_from(self.hcmc)
        as_request(self.salesman, search)._search_lane_lines()  # warm the caches
        search = as_request(self.salesman, search)
        with self.assertQueryCount(6):
            lines, _neighbours = search._search_lane_lines()
        self.assertEqual(len(lines), 2)
        # five more terminals with rates in the metro area: the same queries
        for index in range(5):
            terminal = self.env["freight.location"].create(
                {
                    "name": f"Terminal {index}",
                    "country_id": self.hcmc.country_id.id,
                    "parent_id": self.hcmc.id,
                }
            )
            self._create_fcl_rate(origin=terminal, destination=self.rotterdam)
        search = as_request(self.salesman, search)
        with self.assertQueryCount(6):
            lines, _neighbours = search._search_lane_lines()
        self.assertEqual(len(lines), 7)
