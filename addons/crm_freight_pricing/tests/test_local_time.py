"""A Ho Chi Minh City forwarder's day: response clocks on the company's calendar in
its time zone, across an evening, a weekend and Tết, and dates in the messages as a
Vietnamese salesperson reads them."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import FreightCommon

# UTC, as stored: Ho Chi Minh City is UTC+7 all year
FRIDAY_1730_ICT = datetime(2026, 12, 4, 10, 30)
SATURDAY_1000_ICT = datetime(2026, 12, 5, 3, 0)
MONDAY_1200_ICT = datetime(2026, 12, 7, 5, 0)
THURSDAY_BEFORE_TET_1600_ICT = datetime(2027, 2, 4, 9, 0)
FRIDAY_AFTER_TET_1100_ICT = datetime(2027, 2, 12, 4, 0)


@tagged("post_install", "-at_install")
class TestInquiryClockInHoChiMinhCity(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        # the standard 40-hour week (8-12, 13-17, Monday to Friday), in Vietnam
        cls.calendar = cls.company.resource_calendar_id
        cls.calendar.tz = "Asia/Ho_Chi_Minh"
        cls.company.inquiry_target_hours_sea_fcl = 4.0
        cls.seller_vi = new_test_user(
            cls.env,
            "seller_vi",
            groups="sales_team.group_sale_salesman",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "May Sài Gòn", "is_company": True, "user_id": cls.seller_vi.id}
        )

    def _submitted_inquiry(self, when):
        inquiry = (
            self.env["freight.inquiry"]
            .with_user(self.seller_vi)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c20.id, "quantity": 1}
                        )
                    ],
                }
            )
        )
        with freeze_time(when):
            inquiry.action_submit()
        return inquiry

    def test_friday_evening_inquiry_is_due_monday_noon_in_vietnam(self):
        inquiry = self._submitted_inquiry(FRIDAY_1730_ICT)
        self.assertEqual(inquiry.response_deadline, MONDAY_1200_ICT)
        # the pricing team reads the deadline in Vietnamese order and local time
        message = inquiry.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("07/12/2026 12:00", message.body)
        self.assertNotIn("2026-12-07", message.body)

    def test_weekend_inquiry_starts_the_clock_on_monday(self):
        inquiry = self._submitted_inquiry(SATURDAY_1000_ICT)
        self.assertEqual(inquiry.response_deadline, MONDAY_1200_ICT)

    def test_tet_holiday_stops_the_clock(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Tết Nguyên đán 2027",
                "calendar_id": self.calendar.id,
                "resource_id": False,
                # 5 to 11 February 2027 in Vietnam
                "date_from": datetime(2027, 2, 4, 17, 0),
                "date_to": datetime(2027, 2, 11, 16, 59, 59),
            }
        )
        inquiry = self._submitted_inquiry(THURSDAY_BEFORE_TET_1600_ICT)
        # one hour on Thursday, the other three after the holiday
        self.assertEqual(inquiry.response_deadline, FRIDAY_AFTER_TET_1100_ICT)


@tagged("post_install", "-at_install")
class TestBookingDayInHoChiMinhCity(FreightCommon):
    @classmethod
    def setUpClass(cls):
        # Tuesday 1 December 2026, 09:00 in Vietnam
        cls.startClassPatcher(freeze_time("2026-12-01 02:00:00"))
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.company.resource_calendar_id.tz = "Asia/Ho_Chi_Minh"
        cls.seller_vi = new_test_user(
            cls.env,
            "seller_vi_booking",
            groups="sales_team.group_sale_salesman",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Gỗ Bình Dương", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Ocean freight", "type": "service", "list_price": 1000.0}
        )

    def test_wanted_date_is_the_commitments_day_in_vietnam(self):
        order = (
            self.env["sale.order"]
            .with_user(self.seller_vi)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    # 10 December, 00:30 in Vietnam: still the 9th in UTC
                    "commitment_date": datetime(2026, 12, 9, 17, 30),
                    "order_line": [Command.create({"product_id": self.product.id})],
                }
            )
        )
        order.action_confirm()
        action = order.action_create_freight_booking_request()
        request = self.env["freight.booking.request"].browse(action["res_id"])
        self.assertEqual(str(request.requested_date), "2026-12-10")
        request.with_user(self.seller_vi).action_send()
        message = request.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("10/12/2026", message.body)
