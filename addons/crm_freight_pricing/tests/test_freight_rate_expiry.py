from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import FreightCommon


@freeze_time("2026-03-10 12:00:00")
class TestFreightRateExpiry(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = date(2026, 3, 10)
        cls.company.freight_rate_expiry_reminder_days = 3

    def _rate(self, date_to, **values):
        with freeze_time("2026-03-01 12:00:00"):
            return self._create_fcl_rate(
                date_from=date(2026, 3, 1),
                date_to=date_to,
                user_id=self.pricing_user.id,
                **values,
            )

    def _renewal_activities(self, rates):
        return self.env["mail.activity"].search(
            [("res_model", "=", "freight.rate"), ("res_id", "in", rates.ids)]
        )

    def test_cron_expires_rates_past_their_end(self):
        ended = self._rate(date(2026, 3, 9))
        last_day = self._rate(date(2026, 3, 10), origin=self.pod, destination=self.pol)
        draft = self._rate(date(2026, 3, 5), activate=False, carrier=self.airline)
        self.env["freight.rate"]._cron_expire_rates()
        self.assertEqual(ended.state, "expired")
        self.assertEqual(last_day.state, "active")
        self.assertEqual(draft.state, "draft")
        # a second run changes nothing
        self.env["freight.rate"]._cron_expire_rates()
        self.assertEqual(
            (ended | last_day | draft).mapped("state"), ["expired", "active", "draft"]
        )

    def test_cron_expires_in_batches(self):
        rates = self._rate(date(2026, 3, 8)) | self._rate(
            date(2026, 3, 9), origin=self.pod, destination=self.pol
        )
        self.env["freight.rate"]._cron_expire_rates(batch_size=1)
        self.assertEqual(sorted(rates.mapped("state")), ["active", "expired"])
        self.env["freight.rate"]._cron_expire_rates(batch_size=1)
        self.assertEqual(rates.mapped("state"), ["expired", "expired"])

    def test_rate_of_an_archived_owner_is_told_to_the_administrator(self):
        self.company.crm_admin_email = "it@vantaibiendong.vn"
        rate = self._rate(date(2026, 3, 12))
        self.pricing_user.active = False
        self.env["freight.rate"]._cron_expire_rates()
        self.assertFalse(self._renewal_activities(rate))
        mail = self.env["mail.mail"].search([("email_to", "=", "it@vantaibiendong.vn")])
        self.assertEqual(len(mail), 1)
        self.assertIn(rate.name, mail.body_html)
        self.assertIn("Renew buy rate", mail.body_html)

    def test_cron_reminds_the_pricing_owner_once(self):
        soon = self._rate(date(2026, 3, 13))
        later = self._rate(date(2026, 3, 14), origin=self.pod, destination=self.pol)
        self.env["freight.rate"]._cron_expire_rates()
        activities = self._renewal_activities(soon | later)
        self.assertRecordValues(
            activities,
            [
                {
                    "res_id": soon.id,
                    "user_id": self.pricing_user.id,
                    "date_deadline": date(2026, 3, 13),
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                }
            ],
        )
        self.assertEqual(soon.reminded_deadline, soon.date_to)
        # the next night: still one reminder, even once the owner marked it done
        activities.action_feedback(feedback="Asked the carrier")
        with freeze_time("2026-03-11 12:00:00"):
            self.env["freight.rate"]._cron_expire_rates()
        self.assertFalse(self._renewal_activities(soon))
        self.assertEqual(len(self._renewal_activities(later)), 1)
        # extended by the carrier: the new end date gets its own reminder
        soon.date_to = date(2026, 3, 12)
        self.assertNotEqual(soon.reminded_deadline, soon.date_to)
        with freeze_time("2026-03-11 12:00:00"):
            self.env["freight.rate"]._cron_expire_rates()
        self.assertEqual(len(self._renewal_activities(soon)), 1)

    def test_soon_expiring_filter_follows_the_setting(self):
        soon = self._rate(date(2026, 3, 12))
        later = self._rate(date(2026, 3, 20), origin=self.pod, destination=self.pol)
        Rate = self.env["freight.rate"]
        self.assertEqual(Rate.search([("is_expiring_soon", "=", True)]), soon)
        self.assertIn(later, Rate.search([("is_expiring_soon", "=", False)]))
        self.assertNotIn(soon, Rate.search([("is_expiring_soon", "!=", True)]))
        self.assertTrue(soon.is_expiring_soon)
        self.assertFalse(later.is_expiring_soon)
        settings = Form(self.env["res.config.settings"])
        settings.freight_rate_expiry_reminder_days = 10
        settings.save().execute()
        self.assertEqual(self.company.freight_rate_expiry_reminder_days, 10)
        self.assertEqual(Rate.search([("is_expiring_soon", "=", True)]), soon | later)
        with assert_refused(
            self,
            ValidationError,
            r"Buy rate expiry reminders can be sent 0 to 60 days ahead\.",
        ):
            self.company.freight_rate_expiry_reminder_days = -1
