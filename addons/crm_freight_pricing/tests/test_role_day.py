"""A pricing user's and an operations user's day, each acting as in a web request
(``as_request``) with only the groups a company gives them."""

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon

SALESPERSON_GROUPS = (
    "base.group_user,base.group_partner_manager,sales_team.group_sale_salesman"
)


@tagged("post_install", "-at_install")
class TestRoleDay(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pricer = mail_new_test_user(
            cls.env,
            login="day_pricer",
            groups="base.group_user,crm_freight_pricing.group_freight_pricing_user",
        )
        cls.operator = mail_new_test_user(
            cls.env,
            login="day_operator",
            groups="base.group_user,crm_freight_pricing.group_freight_operations",
        )
        cls.seller = mail_new_test_user(
            cls.env, login="day_seller", groups=SALESPERSON_GROUPS
        )
        cls.env.ref(
            "crm_freight_pricing.freight_operations_team_sea"
        ).member_ids = cls.operator
        cls.customer = cls.env["res.partner"].create(
            {"name": "Công ty TNHH Gốm Sứ Minh Long", "is_company": True}
        )
        cls.rate = cls._create_fcl_rate(price_40hc=1500.0)
        cls.product = cls.env["product.product"].create(
            {"name": "Ocean freight", "type": "service", "list_price": 1000.0}
        )

    def _submitted_inquiry(self):
        inquiry = (
            self.env["freight.inquiry"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c40hc.id, "quantity": 2}
                        )
                    ],
                }
            )
        )
        inquiry.action_submit()
        return inquiry

    def _sent_booking_request(self):
        order = (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": fields.Date.add(self.today, days=5),
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c40hc.id, "quantity": 1}
                        )
                    ],
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        order.action_confirm()
        action = order.action_create_freight_booking_request()
        request = self.env["freight.booking.request"].browse(action["res_id"])
        request.with_user(self.seller).action_send()
        return request

    # ------------------------------------------------------------
    # Pricing
    # ------------------------------------------------------------

    def test_pricing_quotes_an_inquiry_from_the_buy_rates(self):
        inquiry = self._submitted_inquiry()
        action = as_request(self.pricer, inquiry).action_accept()
        self.assertEqual(inquiry.state, "accepted")
        self.assertEqual(inquiry.pricing_user_id, self.pricer)

        search = (
            as_request(self.pricer, self.env["freight.rate.search"])
            .with_context(**action["context"])
            .create({"margin_value": 10.0, "sell_rounding": 0.0})
        )
        search.action_search()
        option = as_request(self.pricer, search.option_ids[:1])
        self.assertEqual(option.rate_id, self.rate)
        option.action_add_to_order()

        self.assertEqual(inquiry.state, "quoted")
        order = as_request(self.pricer, inquiry.order_id)
        self.assertEqual(order.user_id, self.seller, "the asking salesperson owns it")
        freight = order.order_line.filtered("freight_rate_id")
        self.assertEqual(freight.purchase_price, 1500.0, "Pricing sees the cost")
        self.assertEqual(freight.price_unit, 1650.0)
        # the salesperson reads the quotation made for her
        self.assertEqual(as_request(self.seller, inquiry.order_id).name, order.name)

    def test_pricing_rejects_an_inquiry_with_a_reason(self):
        inquiry = self._submitted_inquiry()
        action = as_request(self.pricer, inquiry).action_open_reject_wizard()
        wizard = (
            as_request(self.pricer, self.env["freight.request.reason"])
            .with_context(**action["context"])
            .create({"reason": "Không hãng tàu nào chạy tuyến này"})
        )
        wizard.action_confirm()
        self.assertEqual(inquiry.state, "rejected")
        self.assertEqual(inquiry.reject_reason, "Không hãng tàu nào chạy tuyến này")
        self.assertEqual(inquiry.message_ids[0].partner_ids, self.seller.partner_id)

    def test_pricing_reads_buy_rates_but_does_not_open_jobs(self):
        rate = as_request(self.pricer, self.rate)
        self.assertEqual(
            rate.line_ids.filtered(
                lambda line: line.container_type_id == self.c40hc
            ).price,
            1500.0,
        )
        request = self._sent_booking_request()
        with self.assertRaisesRegex(
            AccessError, "Only operations teams process booking requests"
        ):
            as_request(self.pricer, request).action_accept()
        self.assertEqual(request.state, "sent")
        self.assertFalse(request.job_number)

    # ------------------------------------------------------------
    # Operations
    # ------------------------------------------------------------

    def test_operations_accepts_a_booking_and_opens_the_job(self):
        request = self._sent_booking_request()
        self.assertIn(self.operator.partner_id, request.message_ids[0].partner_ids)
        form = Form(as_request(self.operator, request))
        self.assertEqual(form.state, "sent")
        self.assertEqual(form.partner_id, self.customer)
        as_request(self.operator, request).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertRegex(request.job_number, r"^SEA/\d{4}/\d{5}$")
        self.assertEqual(request.processed_by_id, self.operator)
        self.assertEqual(request.message_ids[0].partner_ids, self.seller.partner_id)
        as_request(self.operator, request).action_done()
        self.assertEqual(request.state, "done")

    def test_operations_reads_no_buy_rate_or_cost(self):
        request = self._sent_booking_request()
        with self.assertRaisesRegex(AccessError, r"\(freight\.rate\)"):
            as_request(self.operator, self.rate).read(["carrier_id"])
        with self.assertRaisesRegex(AccessError, r"\(freight\.rate\.line\)"):
            as_request(self.operator, self.rate.line_ids).read(["price"])
        with self.assertRaisesRegex(AccessError, r"\(sale\.order\.line\)"):
            as_request(self.operator, request.order_id.order_line).read(
                ["purchase_price"]
            )
        with self.assertRaisesRegex(AccessError, r"\(freight\.profit\.report\)"):
            as_request(self.operator, self.env["freight.profit.report"]).search([])
