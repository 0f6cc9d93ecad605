"""Dates and times as a Vietnamese user reads them; "today" where the company works."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import local_day_start_utc
from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestLocalTime(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.vietnamese = mail_new_test_user(
            cls.env,
            login="crm_customer_vi_user",
            groups="base.group_user",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.american = mail_new_test_user(
            cls.env,
            login="crm_customer_us_user",
            groups="base.group_user",
            lang="en_US",
            tz="America/New_York",
        )

    def test_datetime_in_the_readers_language_and_time_zone(self):
        deadline = datetime(2026, 12, 2, 11, 0)  # UTC, as stored
        self.assertEqual(
            self.vietnamese._crm_format_datetime(deadline), "02/12/2026 18:00"
        )
        self.assertEqual(
            self.american._crm_format_datetime(deadline), "12/02/2026 06:00"
        )
        self.assertEqual(
            self.vietnamese._crm_format_datetime(deadline, tz="Europe/Brussels"),
            "02/12/2026 12:00",
        )
        self.assertEqual(self.vietnamese._crm_format_datetime(False), "")

    def test_date_in_the_readers_language_on_their_day(self):
        self.assertEqual(
            self.vietnamese._crm_format_date(date(2026, 12, 3)), "03/12/2026"
        )
        self.assertEqual(
            self.american._crm_format_date(date(2026, 12, 3)), "12/03/2026"
        )
        # 20:00 UTC is already the next day in Ho Chi Minh City
        evening = datetime(2026, 12, 3, 20, 0)
        self.assertEqual(self.vietnamese._crm_format_date(evening), "04/12/2026")
        self.assertEqual(self.american._crm_format_date(evening), "12/03/2026")

    def test_today_is_the_companys_day(self):
        company = self.env.company
        company.partner_id.tz = "Asia/Ho_Chi_Minh"
        if "resource_calendar_id" in company._fields:
            company.resource_calendar_id.tz = "Asia/Ho_Chi_Minh"
        self.assertEqual(company._crm_tz(), "Asia/Ho_Chi_Minh")
        # 18:30 UTC on 4 December is 01:30 on 5 December in Ho Chi Minh City
        with freeze_time("2026-12-04 18:30:00"):
            self.assertEqual(company._crm_today(), date(2026, 12, 5))
        with freeze_time("2026-12-04 16:30:00"):
            self.assertEqual(company._crm_today(), date(2026, 12, 4))

    def test_local_day_starts_in_utc(self):
        # a day in Ho Chi Minh City (UTC+7) starts at 17:00 UTC the day before
        self.assertEqual(
            local_day_start_utc(date(2026, 3, 1), "Asia/Ho_Chi_Minh"),
            datetime(2026, 2, 28, 17, 0),
        )
        # Brussels is at UTC+1 in winter and UTC+2 in summer
        self.assertEqual(
            local_day_start_utc(date(2026, 1, 1), "Europe/Brussels"),
            datetime(2025, 12, 31, 23, 0),
        )
        self.assertEqual(
            local_day_start_utc(date(2026, 7, 1), "Europe/Brussels"),
            datetime(2026, 6, 30, 22, 0),
        )
        for no_zone in (False, None, "", "Mars/Olympus"):
            with self.subTest(tz=no_zone):
                self.assertEqual(
                    local_day_start_utc(date(2026, 3, 1), no_zone),
                    datetime(2026, 3, 1, 0, 0),
                )
