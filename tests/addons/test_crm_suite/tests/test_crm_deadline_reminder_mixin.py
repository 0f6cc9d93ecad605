"""crm.deadline.reminder.mixin on a minimal model: one to-do per date, on each
company's own day, in a query count that does not grow with the records."""

from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.models.mail_activity import MailActivity
from odoo.addons.mail.tests.common import mail_new_test_user

TODAY = date(2026, 3, 10)


def _set_tz(company, tz):
    company.partner_id.tz = tz
    if "resource_calendar_id" in company._fields:
        company.resource_calendar_id.tz = tz


class TestCrmDeadlineReminderMixin(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # noon in Ho Chi Minh City (19:00) and New York (08:00) alike
        cls.startClassPatcher(freeze_time("2026-03-10 12:00:00"))
        cls.company = cls.env.company
        _set_tz(cls.company, "Asia/Ho_Chi_Minh")
        cls.company.test_crm_suite_reminder_days = 3
        cls.other_company = cls.env["res.company"].create(
            {"name": "Test Reminder New York"}
        )
        _set_tz(cls.other_company, "America/New_York")
        cls.other_company.test_crm_suite_reminder_days = 3
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="test_reminder_salesperson",
            groups="base.group_user",
            company_ids=(cls.company | cls.other_company).ids,
        )
        cls.Reminder = cls.env["test.crm.suite.reminder"]
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _record(self, deadline, company=None, **values):
        return self.Reminder.create(
            {
                "name": f"Due {deadline}",
                "deadline": deadline,
                "company_id": (company or self.company).id,
                "user_id": self.salesperson.id,
                **values,
            }
        )

    def _remind(self):
        # the scheduled action runs as OdooBot, across every company
        return self.Reminder._cron_remind_deadlines()

    def _todos(self, records):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "test.crm.suite.reminder"),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.todo.id),
            ]
        )

    def test_due_within_the_days_ahead_only(self):
        today = self._record(TODAY)
        last_day = self._record(date(2026, 3, 13))
        too_early = self._record(date(2026, 3, 14))
        past = self._record(date(2026, 3, 9))
        undated = self._record(False)
        self.assertEqual(self._remind(), today | last_day)
        self.assertEqual(
            self._todos(today | last_day).mapped("res_id"), [today.id, last_day.id]
        )
        self.assertFalse(self._todos(too_early | past | undated))
        self.assertFalse(any((too_early | past | undated).mapped("reminded_deadline")))

    def test_activity_for_the_user_on_the_date(self):
        record = self._record(date(2026, 3, 12))
        orphan = self._record(date(2026, 3, 12), user_id=False)
        self._remind()
        self.assertRecordValues(
            self._todos(record),
            [
                {
                    "user_id": self.salesperson.id,
                    "date_deadline": date(2026, 3, 12),
                    "summary": "Deadline soon",
                    "automated": True,
                }
            ],
        )
        self.assertIn("03/12/2026", str(self._todos(record).note))
        self.assertEqual(record.reminded_deadline, date(2026, 3, 12))
        # without a user, and no administrator e-mail, nobody gets it: the cron's
        # OdooBot is no one, and the record waits for a user
        self.assertFalse(self._todos(orphan))
        self.assertFalse(orphan.reminded_deadline)
        # and the salesperson finds it among their own activities
        mine = as_request(self.salesperson, self.env["mail.activity"]).search(
            [("user_id", "=", self.salesperson.id)]
        )
        self.assertEqual(mine.res_id, record.id)

    def test_reminder_nobody_can_be_given_goes_to_the_administrator_email(self):
        self.company.crm_admin_email = "it@vantaibiendong.vn"
        orphan = self._record(date(2026, 3, 12), user_id=False, name="Orphan")
        archived = self._record(date(2026, 3, 13), name="Archived")
        self.salesperson.active = False
        elsewhere = self._record(
            date(2026, 3, 12), self.other_company, user_id=False, name="Elsewhere"
        )
        self.assertEqual(self._remind(), orphan | archived)
        self.assertFalse(self._remind(), "told once per date")
        mail = self.env["mail.mail"].search([("email_to", "=", "it@vantaibiendong.vn")])
        self.assertEqual(len(mail), 1, "one e-mail per company")
        self.assertIn(orphan.name, mail.body_html)
        self.assertIn(archived.name, mail.body_html)
        self.assertNotIn(elsewhere.name, mail.body_html)
        self.assertFalse(self._todos(orphan | archived | elsewhere))
        # the other company has no administrator e-mail: its record waits
        self.assertFalse(elsewhere.reminded_deadline)

    def test_to_do_in_its_users_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_customer"], ["vi_VN"])
        self.salesperson.lang = "vi_VN"
        record = self._record(date(2026, 3, 12))
        self._remind()
        todo = self._todos(record)
        self.assertEqual(todo.summary, "Sắp đến hạn")
        self.assertIn("12/03/2026", str(todo.note))

    def test_not_twice_for_the_same_date(self):
        record = self._record(date(2026, 3, 12))
        self._remind()
        self._todos(record).action_feedback(feedback="Called the customer")
        self.assertFalse(self._remind())
        with freeze_time("2026-03-11 12:00:00"):
            self.assertFalse(self._remind())
        self.assertFalse(self._todos(record))

    def test_due_again_when_the_date_moves(self):
        record = self._record(date(2026, 3, 12))
        self._remind()
        self._todos(record).action_feedback(feedback="Extended")
        record.deadline = date(2026, 3, 25)
        self.assertFalse(self._remind(), "the new date is not close yet")
        with freeze_time("2026-03-22 12:00:00"):
            self.assertEqual(self._remind(), record)
        self.assertEqual(self._todos(record).date_deadline, date(2026, 3, 25))
        self.assertEqual(record.reminded_deadline, date(2026, 3, 25))

    def test_each_company_on_its_own_day_and_setting(self):
        self.company.test_crm_suite_reminder_days = 0
        self.other_company.test_crm_suite_reminder_days = 10
        # 20:00 UTC: already 11 March in Ho Chi Minh City, still 10 March in New York
        saigon_11 = self._record(date(2026, 3, 11))
        saigon_10 = self._record(TODAY)
        new_york_10 = self._record(TODAY, self.other_company)
        new_york_20 = self._record(date(2026, 3, 20), self.other_company)
        new_york_21 = self._record(date(2026, 3, 21), self.other_company)
        saigon_12 = self._record(date(2026, 3, 12))
        with freeze_time("2026-03-10 20:00:00"):
            reminded = self._remind()
        self.assertEqual(reminded, saigon_11 | new_york_10 | new_york_20)
        self.assertFalse(self._todos(saigon_10 | new_york_21 | saigon_12))

    def test_queries_do_not_grow_with_the_records(self):
        def remind_counting(count):
            self.env.flush_all()
            self.env.invalidate_all()
            # Odoo notifies each assignee of another user's to-do with its own
            # message: that is mail's cost, not the reminder's, so it is counted out
            with (
                patch.object(MailActivity, "action_notify", autospec=True) as notify,
                self.assertQueryCount(count),
            ):
                reminded = self._remind()
            notified = self.env["mail.activity"].union(
                *(call.args[0] for call in notify.call_args_list)
            )
            self.assertEqual(notified, self._todos(reminded))
            return reminded

        # a first run fills Odoo's caches (activity type, model ids, templates)
        first = self._record(TODAY)
        self.assertEqual(remind_counting(26), first)
        few = self.Reminder.browse()
        for day in (10, 11, 12):
            few |= self._record(date(2026, 3, day))
        self.assertEqual(remind_counting(18), few)
        many = self.Reminder.browse()
        for day in range(30):
            many |= self._record(date(2026, 3, 10 + day % 4))
        self.assertEqual(remind_counting(18), many)
