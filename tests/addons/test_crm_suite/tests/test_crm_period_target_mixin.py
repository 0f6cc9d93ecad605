"""crm.period.target.mixin on a minimal model: the owner, the team following the
salesperson, the name, and what is refused."""

from odoo import Command
from odoo.exceptions import ValidationError

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user


class TestCrmPeriodTargetMixin(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = mail_new_test_user(
            cls.env,
            login="test_period_target_salesperson",
            name="Nguyễn Thị Lan",
            groups="base.group_user",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Đội Miền Nam",
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.salesperson.id})
                ],
            }
        )
        cls.Target = cls.env["test.crm.suite.period.target"].with_user(cls.salesperson)

    def test_team_follows_the_salesperson_and_the_name_says_the_month(self):
        target = self.Target.create(
            {"year": 2026, "month": "5", "user_id": self.salesperson.id}
        )
        self.assertEqual(target.team_id, self.team)
        self.assertEqual(target.currency_id, self.env.company.currency_id)
        self.assertEqual(target.display_name, "Nguyễn Thị Lan - 05/2026")
        team_target = self.Target.create(
            {"year": 2026, "month": "11", "team_id": self.team.id}
        )
        self.assertEqual(team_target.display_name, "Đội Miền Nam - 11/2026")

    def test_ownerless_or_yearless_targets_are_refused(self):
        with assert_refused(self, ValidationError, "for a salesperson or a sales team"):
            self.Target.create({"year": 2026, "month": "5"})
        target = self.Target.create(
            {"year": 2026, "month": "5", "user_id": self.salesperson.id}
        )
        with assert_refused(self, ValidationError, "1999 is not a valid year"):
            target.year = 1999
        self.assertEqual(self.Target.search([]), target)
        self.assertEqual(target.year, 2026)

    def test_grouped_lists_do_not_add_up_the_years(self):
        for month in ("5", "6"):
            self.Target.create(
                {"year": 2026, "month": month, "user_id": self.salesperson.id}
            )
        self.assertFalse(self.Target.fields_get(["year"])["year"]["aggregator"])
        groups = self.Target.web_read_group([], ["year"], ["user_id"])["groups"]
        self.assertNotIn("year", groups[0])
