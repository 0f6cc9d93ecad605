from datetime import date

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import FreightCommon


class TestFreightBookingRequest(FreightCommon):
    @classmethod
    def setUpClass(cls):
        # a fixed morning, the same day in UTC, Brussels and Hồ Chí Minh City: "today"
        # must not depend on which of them a test, a user or the code counts in
        cls.startClassPatcher(freeze_time("2026-11-25 03:00:00"))
        super().setUpClass()
        cls.seller_2 = new_test_user(
            cls.env, "seller_2", groups="sales_team.group_sale_salesman"
        )
        cls.sea_operator = new_test_user(
            cls.env, "sea_ops", groups="crm_freight_pricing.group_freight_operations"
        )
        cls.air_operator = new_test_user(
            cls.env, "air_ops", groups="crm_freight_pricing.group_freight_operations"
        )
        ref = cls.env.ref
        cls.sea_team = ref("crm_freight_pricing.freight_operations_team_sea")
        cls.air_team = ref("crm_freight_pricing.freight_operations_team_air")
        cls.logistics_team = ref(
            "crm_freight_pricing.freight_operations_team_logistics"
        )
        cls.sea_team.member_ids = cls.sea_operator
        cls.air_team.member_ids = cls.air_operator
        cls.customer = cls.env["res.partner"].create(
            {"name": "Saigon Garments", "is_company": True}
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Lan", "parent_id": cls.customer.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Ocean freight", "type": "service", "list_price": 1000.0}
        )

    def _order(self, user=None, partner=None, **values):
        order = (
            self.env["sale.order"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": (partner or self.customer).id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "commodity": "Garments",
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c40hc.id, "quantity": 2}
                        )
                    ],
                    "order_line": [Command.create({"product_id": self.product.id})],
                    **values,
                }
            )
        )
        order.action_confirm()
        return order

    def _request(self, order):
        action = order.action_create_freight_booking_request()
        return self.env["freight.booking.request"].browse(action["res_id"])

    def test_request_carries_the_confirmed_shipment(self):
        order = self._order(shipment_date=fields.Date.add(self.today, days=3))
        request = self._request(order)
        self.assertEqual(request.state, "draft")
        self.assertTrue(request.name.startswith("BKR/"))
        self.assertEqual(request.order_id, order)
        self.assertEqual(request.partner_id, self.customer)
        self.assertEqual(request.user_id, self.salesman)
        self.assertEqual(request.company_id, order.company_id)
        self.assertEqual(request.freight_mode, "sea_fcl")
        self.assertEqual(request.origin_location_id, self.pol)
        self.assertEqual(request.commodity, "Garments")
        self.assertEqual(request.container_line_ids.container_type_id, self.c40hc)
        self.assertEqual(request.container_line_ids.quantity, 2)
        self.assertEqual(request.requested_date, fields.Date.add(self.today, days=3))
        self.assertEqual(request.team_id, self.sea_team, "chosen from the mode")
        self.assertEqual(order.freight_booking_request_count, 1)

    def test_request_carries_the_expected_profit(self):
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Garments",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "expected_revenue": 8000.0,
                "expected_profit": 800.0,
            }
        )
        request = self._request(self._order(opportunity_id=opportunity.id))
        self.assertEqual(request.expected_profit, 800.0)
        self.assertFalse(self._request(self._order()).expected_profit)

    def test_only_confirmed_orders_are_booked(self):
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        with assert_refused(
            self,
            UserError,
            r"Confirm the quotation before asking operations to book it\.",
        ):
            order.action_create_freight_booking_request()

    def test_team_follows_the_mode_unless_logistics(self):
        request = self._request(self._order())
        request.freight_mode = "air"
        self.assertEqual(request.team_id, self.air_team)
        request.team_id = self.logistics_team
        request.freight_mode = "sea_lcl"
        self.assertEqual(request.team_id, self.logistics_team)

    def test_send_tells_the_team_accept_opens_a_numbered_job(self):
        request = self._request(self._order())
        request.with_user(self.salesman).action_send()
        self.assertEqual(request.state, "sent")
        message = request.message_ids[0]
        self.assertEqual(message.partner_ids, self.sea_operator.partner_id)
        self.assertIn(self.sea_operator.partner_id, request.message_partner_ids)
        self.assertNotIn(self.air_operator.partner_id, request.message_partner_ids)

        with freeze_time(date(2026, 11, 23)):
            request.with_user(self.sea_operator).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertRegex(request.job_number, r"^SEA/2026/\d{5}$")
        self.assertEqual(request.processed_by_id, self.sea_operator)
        message = request.message_ids[0]
        self.assertEqual(message.partner_ids, self.salesman.partner_id)
        self.assertIn(request.job_number, message.body)

        request.with_user(self.sea_operator).action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.message_ids[0].partner_ids, self.salesman.partner_id)

    def test_each_kind_numbers_its_own_jobs(self):
        sea = self._request(self._order())
        air = self._request(self._order())
        air.team_id = self.air_team
        (sea | air).action_send()
        (sea | air).with_user(self.sea_operator).action_accept()
        self.assertTrue(sea.job_number.startswith("SEA/"))
        self.assertTrue(air.job_number.startswith("AIR/"))
        next_sea = self._request(self._order())
        next_sea.action_send()
        next_sea.with_user(self.sea_operator).action_accept()
        self.assertEqual(int(next_sea.job_number[-5:]), int(sea.job_number[-5:]) + 1)

    def test_team_without_members_tells_every_operations_user(self):
        request = self._request(self._order())
        request.team_id = self.logistics_team
        request.action_send()
        recipients = request.message_ids[0].partner_ids
        self.assertIn(self.sea_operator.partner_id, recipients)
        self.assertIn(self.air_operator.partner_id, recipients)
        self.assertNotIn(self.salesman.partner_id, recipients)

    def test_return_needs_a_reason_and_tells_the_sender(self):
        request = self._request(self._order())
        request.action_send()
        action = request.with_user(self.sea_operator).action_open_return_wizard()
        wizard_model = (
            self.env["freight.request.reason"]
            .with_user(self.sea_operator)
            .with_context(**action["context"])
        )
        with assert_refused(
            self, UserError, r"Say why the booking request is returned\."
        ):
            wizard_model.create({"reason": " "}).action_confirm()
        wizard_model.create(
            {"reason": "Cut-off missed, choose a later date"}
        ).action_confirm()
        self.assertEqual(request.state, "returned")
        self.assertEqual(request.return_reason, "Cut-off missed, choose a later date")
        message = request.message_ids[0]
        self.assertEqual(message.partner_ids, self.salesman.partner_id)
        self.assertIn("Cut-off missed", message.body)
        todo = request.activity_ids
        self.assertEqual(todo.user_id, self.salesman)
        # sales fixes and sends again: the to-do is done, the team told again
        request.with_user(self.salesman).write(
            {"requested_date": fields.Date.add(self.today, days=7)}
        )
        request.with_user(self.salesman).action_send()
        self.assertEqual(request.state, "sent")
        self.assertFalse(request.return_reason)
        self.assertFalse(request.activity_ids)
        self.assertEqual(
            request.message_ids[0].partner_ids, self.sea_operator.partner_id
        )

    def test_only_operations_process(self):
        request = self._request(self._order())
        request.action_send()
        with assert_refused(
            self, AccessError, r"Only operations teams process booking requests\."
        ):
            request.with_user(self.salesman).action_accept()
        with assert_refused(
            self, AccessError, r"Only operations teams process booking requests\."
        ):
            request.with_user(self.salesman).action_open_return_wizard()
        with assert_refused(self, UserError, r"Booking request \S+ was already sent\."):
            request.with_user(self.salesman).action_send()
        request.with_user(self.sea_operator).action_accept()
        with assert_refused(
            self,
            UserError,
            r"A job file is open for this request: ask operations to close it\.",
        ):
            request.action_cancel()
        with assert_refused(
            self,
            UserError,
            r"Only draft or cancelled booking requests can be deleted\.",
        ):
            request.unlink()

    def test_requested_date_in_the_past_is_refused(self):
        request = self._request(self._order())
        with assert_refused(
            self,
            ValidationError,
            r"the requested date \S+ is in the past",
        ):
            request.requested_date = fields.Date.subtract(self.today, days=1)
        with (
            freeze_time(fields.Date.add(self.today, days=2)),
            assert_refused(
                self, ValidationError, r"the requested date \S+ is in the past"
            ),
        ):
            request.action_send()

    def test_salespeople_see_their_own_requests_operations_see_all(self):
        mine = self._request(self._order())
        theirs = self._request(self._order(user=self.seller_2))
        both = mine | theirs
        Request = self.env["freight.booking.request"]
        self.assertEqual(
            Request.with_user(self.salesman).search([("id", "in", both.ids)]), mine
        )
        self.assertEqual(
            Request.with_user(self.seller_2).search([("id", "in", both.ids)]), theirs
        )
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Internal Booking Request",
        ):
            theirs.with_user(self.salesman).read(["name"])
        for user in (self.salesman_cost, self.sea_operator):
            self.assertEqual(
                Request.with_user(user).search([("id", "in", both.ids)]), both
            )
        with assert_refused(
            self, AccessError, "not allowed to create 'Internal Booking Request'"
        ):
            Request.with_user(self.sea_operator).create(
                {"order_id": mine.order_id.id, "requested_date": self.today}
            )

    def test_other_company_requests_are_hidden(self):
        other = self.env["res.company"].create({"name": "Hanoi Branch"})
        order = self._order(user=self.env.user, company_id=other.id)
        request = self._request(order)
        self.assertEqual(request.company_id, other)
        self.assertFalse(
            self.env["freight.booking.request"]
            .with_user(self.sea_operator)
            .search([("id", "=", request.id)])
        )

    def test_customer_shows_the_requests_of_its_contacts(self):
        self._request(self._order())
        self._request(self._order(partner=self.customer_contact))
        self.assertEqual(self.customer.freight_booking_request_count, 2)
        action = self.customer.action_view_freight_booking_requests()
        self.assertEqual(
            self.env["freight.booking.request"].search_count(action["domain"]), 2
        )
        order = self._order()
        self.assertEqual(
            order.action_view_freight_booking_requests()["domain"],
            [("order_id", "=", order.id)],
        )
