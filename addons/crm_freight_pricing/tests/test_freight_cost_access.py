from odoo import Command
from odoo.exceptions import AccessError

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon


class TestFreightCostAccess(FreightCommon):
    """Buy costs and margins stay hidden from a salesperson without the cost group,
    whatever the path: read, domain, sort, group, export, report, print, mail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = mail_new_test_user(
            cls.env,
            login="cost_access_seller",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        # exporting is a right of its own: the same salesperson, allowed to export
        cls.exporter = mail_new_test_user(
            cls.env,
            login="cost_access_exporter",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "base.group_allow_export",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Hue Ceramics", "email": "buyer@hue-ceramics.example.com"}
        )
        cls.rate = cls._create_rate(
            mode="sea_lcl",
            minimum_amount=35.0,
            lines=[{"price": 1234.0}],
            surcharges=[{"charge_type_id": cls.charge["cfs"].id, "amount": 17.0}],
        )
        cls._publish_floor(5.0, mode="sea_lcl")

    def _quote_as_seller(self):
        order = as_request(self.seller, self.env["sale.order"]).create(
            {
                "partner_id": self.customer.id,
                "freight_mode": "sea_lcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "shipment_date": self.today,
                "gross_weight": 1000.0,
                "cargo_volume": 1.0,
            }
        )
        action = order.action_open_rate_search()
        search = (
            as_request(self.seller, self.env["freight.rate.search"])
            .with_context(**action["context"])
            .create({"margin_value": 10.0, "sell_rounding": 1.0})
        )
        search.action_search()
        as_request(self.seller, search.option_ids).action_add_to_order()
        return order

    def _assert_hidden(self, user, records, field_name):
        """``user`` can neither read ``field_name`` nor filter, sort, group or
        export by it."""
        records = as_request(user, records)
        Model = records.browse()
        denied = f'"{field_name}"'
        if records:
            with self.assertRaisesRegex(AccessError, denied):
                records.read([field_name])
            with self.assertRaisesRegex(AccessError, denied):
                as_request(self.exporter, records).export_data([field_name])
        if not records._fields[field_name].store:
            return
        with self.assertRaisesRegex(AccessError, denied):
            Model.search([(field_name, ">", 0)])
        with self.assertRaisesRegex(AccessError, denied):
            Model.search([], order=f"{field_name} desc")
        with self.assertRaisesRegex(AccessError, denied):
            Model.read_group([], [f"{field_name}:sum"], [])
        with self.assertRaisesRegex(AccessError, denied):
            Model.web_read_group([], ["id:count"], [field_name])

    def test_the_salesperson_quotes_and_the_cost_stays_hidden(self):
        order = self._quote_as_seller()
        lines = order.order_line.filtered(lambda line: not line.display_type)
        # the true cost is on the lines: margins and approval work on it
        self.assertEqual(lines.mapped("purchase_price"), [1234.0, 17.0])
        # per W/M prices: the floor plus 10 %, up to the cent (not the dollar)
        self.assertEqual(
            as_request(self.seller, lines).mapped("price_unit"), [1425.27, 19.64]
        )
        for field_name in ("purchase_price", "margin", "margin_percent"):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, lines, field_name)
        for field_name in ("margin", "margin_percent"):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, order, field_name)
        self.assertEqual(as_request(self.salesman_cost, lines[:1]).margin, 191.27)

    def test_buy_rates_hide_their_prices_and_minimum_charge(self):
        for records, field_name in (
            (self.rate, "minimum_amount"),
            (self.rate.line_ids, "price"),
            (self.rate.surcharge_ids, "amount"),
        ):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, records, field_name)
        self.assertEqual(as_request(self.salesman_cost, self.rate).minimum_amount, 35.0)

    def test_search_options_hide_their_costs(self):
        search = as_request(self.seller, self.env["freight.rate.search"]).create(
            {
                "freight_mode": "sea_lcl",
                "origin_location_id": self.pol.id,
                "destination_location_id": self.pod.id,
                "gross_weight": 1000.0,
                "cargo_volume": 1.0,
            }
        )
        search.action_search()
        option = self._open(search.option_ids)
        for field_name in ("total_cost", "margin", "margin_percent"):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, option, field_name)
        for field_name in ("unit_price", "cost", "unit_cost", "cost_converted"):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, option.charge_ids, field_name)

    def test_reports_hide_margins(self):
        order = self._quote_as_seller()
        order.action_confirm()
        self.env.flush_all()
        sale_rows = self.env["sale.report"].search([("name", "=", order.name)])
        self.assertTrue(sale_rows)
        self._assert_hidden(self.seller, sale_rows, "margin")
        quotation_rows = self.env["freight.quotation.report"].search(
            [("order_id", "=", order.id)]
        )
        self.assertTrue(quotation_rows)
        self._assert_hidden(self.seller, quotation_rows, "margin")
        targets = self.env["crm.sales.target.report"]
        for field_name in ("actual_gross_profit", "gross_profit_achievement"):
            with self.subTest(field=field_name):
                self._assert_hidden(self.seller, targets, field_name)
        with self.assertRaisesRegex(AccessError, "Freight Profit Analysis"):
            as_request(self.seller, self.env["freight.profit.report"]).search([])

    def test_printed_quotation_and_its_mail_show_no_cost(self):
        order = self._quote_as_seller()
        html = (
            as_request(self.seller, self.env["ir.actions.report"])
            ._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn("1,425.27", html)
        self.assertNotIn("1,234.00", html)
        self.assertNotIn("1,295.70", html)  # nor the floor (cost + 5 %)
        action = as_request(self.seller, order).action_quotation_send()
        composer = (
            as_request(self.seller, self.env["mail.compose.message"])
            .with_context(**action["context"])
            .create({})
        )
        composer._action_send_mail()
        message = order.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )[:1]
        self.assertIn(order.name, message.body)
        for content in (message.body, *message.attachment_ids.mapped("raw")):
            content = content if isinstance(content, str) else content.decode()
            self.assertNotIn("1,234.00", content)
            self.assertNotIn("1234.0", content)

    def test_profit_rows_without_salesperson_are_for_all_documents_users(self):
        own_cost_seller = mail_new_test_user(
            self.env,
            login="own_cost_seller",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "crm_freight_pricing.group_freight_cost",
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "freight_mode": "sea_lcl",
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.charge["of"].product_id.id,
                                "price_unit": 100.0,
                                "purchase_price": 80.0,
                            }
                        )
                    ],
                }
                for user in (own_cost_seller, self.env["res.users"])
            ]
        )
        orders.action_confirm()
        orders[1].user_id = False
        self.env.flush_all()
        Profit = self.env["freight.profit.report"]
        domain = [("order_id", "in", orders.ids)]
        self.assertEqual(
            as_request(own_cost_seller, Profit).search(domain).order_id, orders[0]
        )
        self.assertEqual(
            as_request(self.salesman_cost, Profit).search(domain).order_id, orders
        )
