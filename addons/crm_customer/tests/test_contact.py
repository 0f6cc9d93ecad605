from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestContact(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Biển Đông",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.director = cls.env["res.partner"].create(
            {"name": "Mr Minh", "parent_id": cls.customer.id, "function": "Director"}
        )
        cls.manager = cls.env["res.partner"].create(
            {
                "name": "Ms Hoa",
                "parent_id": cls.customer.id,
                "superior_id": cls.director.id,
            }
        )

    def test_contact_cannot_be_their_own_superior(self):
        with self.assertRaisesRegex(ValidationError, "their own superior"):
            self.director.superior_id = self.director
        with self.assertRaisesRegex(ValidationError, "their own superior"):
            self.director.superior_id = self.manager

    def test_superior_works_for_the_same_customer(self):
        outsider = self.env["res.partner"].create({"name": "Outsider"})
        with self.assertRaisesRegex(ValidationError, "same customer"):
            self.manager.superior_id = outsider

    def test_chat_links(self):
        self.manager.write({"zalo": "0903 123 456", "wechat": "hoa_sg"})
        self.assertEqual(self.manager.zalo_url, "https://zalo.me/0903123456")
        self.assertEqual(self.manager.wechat_url, "weixin://dl/chat?hoa_sg")
        self.manager.zalo = False
        self.assertFalse(self.manager.zalo_url)

    def _birthday_activities(self, contact):
        return contact.activity_ids.filtered(lambda a: "Birthday" in (a.summary or ""))

    def test_birthday_reminder_once_a_year_for_the_salesperson(self):
        self.env.company.crm_birthday_reminder_days = 7
        self.manager.birthdate_date = date(1985, 12, 3)
        self.director.birthdate_date = date(1970, 12, 20)  # outside the window
        with freeze_time("2026-11-28"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        activity = self._birthday_activities(self.manager)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.date_deadline, date(2026, 12, 3))
        self.assertFalse(self._birthday_activities(self.director))

        activity.unlink()
        with freeze_time("2026-12-01"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        self.assertFalse(
            self._birthday_activities(self.manager), "already reminded this year"
        )
        with freeze_time("2027-11-30"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        self.assertEqual(len(self._birthday_activities(self.manager)), 1)

    def test_birthday_reminder_across_new_year_is_not_repeated(self):
        self.manager.birthdate_date = date(1990, 1, 2)
        with freeze_time("2026-12-29"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        with freeze_time("2027-01-01"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        activity = self._birthday_activities(self.manager)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2027, 1, 2))

    def test_shared_contact_birthday_under_its_salespersons_company_horizon(self):
        """A contact shared by the companies (no company) is reminded of under the
        horizon of its salesperson's company, not of the first company's."""
        first = self.env.company
        first.write({"sequence": 1, "crm_birthday_reminder_days": 10})
        branch = self.env["res.company"].create(
            {
                "name": "Chi nhánh Đà Nẵng",
                "sequence": 99,
                "crm_birthday_reminder_days": 2,
            }
        )
        branch_seller = mail_new_test_user(
            self.env,
            login="birthday_branch_seller",
            groups="base.group_user,sales_team.group_sale_salesman",
            company_id=branch.id,
            company_ids=[Command.set(branch.ids)],
        )
        self.assertFalse(self.manager.company_id)
        self.manager.user_id = branch_seller
        self.manager.birthdate_date = date(1985, 12, 3)
        with freeze_time("2026-11-28"):  # 5 days before: within 10, not within 2
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        self.assertFalse(self._birthday_activities(self.manager))
        with freeze_time("2026-12-01"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        activity = self._birthday_activities(self.manager)
        self.assertEqual(activity.user_id, branch_seller)
        self.assertEqual(activity.date_deadline, date(2026, 12, 3))
        # the first company's salesperson: its 10 days
        self.director.birthdate_date = date(1970, 12, 10)
        self.director.user_id = self.salesman
        with freeze_time("2026-12-01"):
            self.env["res.partner"]._cron_schedule_birthday_reminders()
        self.assertEqual(
            self._birthday_activities(self.director).user_id, self.salesman
        )

    def test_birthday_this_month_filter_field(self):
        self.manager.birthdate_date = date(1985, 12, 3)
        found = self.env["res.partner"].search(
            [("birthday_month_day", "=like", "12-%")]
        )
        self.assertIn(self.manager, found)
        self.assertNotIn(self.director, found)

    def test_reminder_days_setting_is_bounded(self):
        with self.assertRaisesRegex(ValidationError, "0 to 60 days"):
            self.env.company.crm_birthday_reminder_days = -1
