import re

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import FreightCommon


class TestFreightQuotation(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Saigon Garments"})
        cls.rate = cls._create_fcl_rate(
            surcharges=[{"charge_type_id": cls.charge["baf"].id, "amount": 100.0}]
        )

    def _new_order(self, user=None):
        return (
            self.env["sale.order"]
            .with_user(user or self.env.user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": self.today,
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c40hc.id, "quantity": 2}
                        )
                    ],
                }
            )
        )

    def _open_search(self, order, **values):
        action = order.action_open_rate_search()
        search = (
            self.env["freight.rate.search"]
            .with_user(order.env.user)
            .with_context(**action["context"])
            .create({"margin_value": 10.0, "sell_rounding": 1.0, **values})
        )
        search.action_search()
        return search

    def test_search_starts_from_the_quotation(self):
        order = self._new_order()
        search = self._open_search(order)
        self.assertEqual(search.origin_location_id, self.pol)
        self.assertEqual(search.container_line_ids.container_type_id, self.c40hc)
        self.assertEqual(search.currency_id, order.currency_id)

    def test_add_from_rates_writes_one_line_per_charge_with_cost(self):
        order = self._new_order()
        search = self._open_search(order)
        search.option_ids.action_add_to_order()
        lines = order.order_line.filtered(lambda line: not line.display_type)
        self.assertEqual(len(lines), 2)
        freight = lines.filtered(
            lambda line: line.freight_charge_type_id == self.charge["of"]
        )
        self.assertEqual(
            (freight.product_uom_qty, freight.purchase_price, freight.price_unit),
            (2, 1500.0, 1650.0),
        )
        self.assertEqual(freight.product_id, self.charge["of"].product_id)
        self.assertEqual(lines.freight_rate_id, self.rate)
        self.assertEqual(order.amount_untaxed, 3300.0 + 220.0)
        self.assertEqual(order.margin, 320.0)

    def test_adding_costs_the_same_queries_whatever_the_number_of_charges(self):
        def add_and_count(surcharge_count):
            rate = self._create_rate(
                carrier=self.env["res.partner"].create(
                    {"name": f"Line {surcharge_count}", "is_shipping_line": True}
                ),
                lines=[{"container_type_id": self.c40hc.id, "price": 1000.0}],
                surcharges=[
                    {"charge_type_id": self.charge[code].id, "amount": 10.0}
                    for code in ("baf", "pss", "gri", "ebs", "lss")[:surcharge_count]
                ],
            )
            order = self._new_order()
            option = self._open_search(order).option_ids.filtered(
                lambda option: option.rate_id == rate
            )
            option.action_add_to_order()  # warm the caches on a first order
            order = self._new_order()
            option = self._open_search(order).option_ids.filtered(
                lambda option: option.rate_id == rate
            )
            self.env.flush_all()
            queries_before = self.cr.sql_log_count
            option.action_add_to_order()
            self.env.flush_all()
            return self.cr.sql_log_count - queries_before

        self.assertEqual(add_and_count(1), add_and_count(5))

    def test_confirmed_order_takes_no_rates(self):
        order = self._new_order()
        search = self._open_search(order)
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "quotation"):
            search.option_ids.action_add_to_order()

    def test_salesman_without_cost_group_cannot_read_costs(self):
        self._publish_floor(5.0)
        order = self._new_order(user=self.salesman)
        search = self._open_search(order)
        # a new request, as the salesperson's click on Add to Quotation is
        as_request(self.salesman, search.option_ids).action_add_to_order()
        line = as_request(self.salesman, order.order_line[:1])
        # 1500 of cost, 5 % of floor markup, then 10 % rounded up to 1
        self.assertEqual(line.read(["price_unit"])[0]["price_unit"], 1733.0)
        with self.assertRaisesRegex(AccessError, '"purchase_price"'):
            line.read(["purchase_price"])
        with self.assertRaisesRegex(AccessError, '"margin"'):
            line.order_id.read(["margin"])
        self.assertEqual(
            as_request(self.salesman_cost, line).read(["purchase_price"])[0][
                "purchase_price"
            ],
            1500.0,
        )

    def test_printed_quotation_shows_the_shipment(self):
        order = self._new_order()
        self._open_search(order).option_ids.action_add_to_order()
        order.freight_incoterm_id = self.env.ref("account.incoterm_FOB")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn("o_freight_shipment", html)
        self.assertIn("2 x 40HC", html)
        self.assertIn("VNDAD - Da Nang", html)
        self.assertIn("FOB", html)
        self.assertIn("OF - Ocean Freight 40HC", html)

    def test_printed_quotation_counts_containers(self):
        """Two 40HC containers print as "2 containers", in the customer's
        language ("2 container"), not as "2.00 Units"."""
        order = self._new_order(user=self.salesman_cost)
        self._open_search(order).option_ids.action_add_to_order()
        freight = order.order_line.filtered(
            lambda line: line.freight_charge_type_id == self.charge["of"]
        )
        self.assertEqual(freight.freight_charge_basis, "container")
        Report = as_request(self.salesman_cost, self.env["ir.actions.report"])
        html = Report._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        quantities = self._quantity_cells(html.decode())
        # OF and BAF, both per container
        self.assertEqual(quantities, ["2 containers", "2 containers"])
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["crm_freight_pricing"], ["vi_VN"]
        )
        self.customer.lang = "vi_VN"
        html = Report._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        self.assertEqual(
            self._quantity_cells(html.decode()), ["2 container", "2 container"]
        )

    @staticmethod
    def _quantity_cells(html):
        cells = re.findall(r'<td name="td_quantity"[^>]*>(.*?)</td>', html, re.DOTALL)
        return [" ".join(re.sub("<[^>]+>", " ", cell).split()) for cell in cells]

    def test_validity_past_the_rates_is_warned(self):
        order = self._new_order(user=self.salesman)
        self._publish_floor(5.0)
        search = self._open_search(order)
        as_request(self.salesman, search.option_ids).action_add_to_order()
        rates_end = self.rate.date_to
        order.validity_date = fields.Date.add(rates_end, days=20)
        warning = as_request(self.salesman, order).freight_validity_warning
        self.assertEqual(
            warning,
            f"This quotation is valid until "
            f"{format_date(self.env, order.validity_date)}, but a buy rate it was "
            f"priced from ends on {format_date(self.env, rates_end)}: shorten the "
            "validity or ask Pricing to extend the rate.",
        )
        order.validity_date = rates_end
        self.assertFalse(as_request(self.salesman, order).freight_validity_warning)

    def test_success_rate_per_lane(self):
        won, lost, still_open = self._new_order(), self._new_order(), self._new_order()
        for order in won | lost:
            self._open_search(order).option_ids.action_add_to_order()
        won.action_confirm()
        lost.with_context(crm_sales_pipeline_lost_reason_given=True).action_cancel()
        self.env.flush_all()
        Report = self.env["freight.quotation.report"]
        rows = Report.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(rows.order_id, won | lost)
        self.assertNotIn(still_open, rows.order_id)
        [group] = Report.read_group(
            [("partner_id", "=", self.customer.id)],
            ["success_rate:avg", "won_count:sum"],
            ["origin_location_id", "destination_location_id", "freight_mode"],
            lazy=False,
        )
        self.assertEqual((group["success_rate"], group["won_count"]), (50.0, 1))

    def test_dimensions_give_the_volume_and_refuse_wrong_units(self):
        order = self._new_order()
        order.write(
            {
                "freight_mode": "air",
                "package_line_ids": [
                    Command.create(
                        {
                            "package_count": 2,
                            "length_cm": 120,
                            "width_cm": 80,
                            "height_cm": 100,
                        }
                    ),
                    Command.create(
                        {
                            "package_count": 1,
                            "length_cm": 50,
                            "width_cm": 40,
                            "height_cm": 30,
                        }
                    ),
                ],
                "gross_weight": 150.0,
            }
        )
        self.assertAlmostEqual(order.cargo_volume, 1.92 + 0.06)
        self.assertEqual(order.package_count, 3)
        # 1.98 m3 x 166.67 = 330 kg volume weight > 150 kg gross
        self.assertEqual(order.chargeable_weight, 330.0)
        for side in (0.8, 12000):
            with (
                self.subTest(side=side),
                assert_refused(
                    self,
                    ValidationError,
                    "Dimensions are in centimetres: .* cm looks like metres or",
                ),
            ):
                order.write(
                    {
                        "package_line_ids": [
                            Command.create(
                                {"length_cm": side, "width_cm": 80, "height_cm": 100}
                            )
                        ]
                    }
                )
        self.assertEqual(len(order.package_line_ids), 2)
