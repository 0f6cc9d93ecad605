from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tests.common import assert_refused, load_translations

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestSalesTarget(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Target Test Team",
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.salesman.id}),
                    Command.create({"user_id": cls.other_salesman.id}),
                ],
            }
        )
        cls.newcomer = cls.env["res.partner"].create({"name": "Target Newcomer"})
        cls.Target = cls.env["crm.sales.target"]

    def _target(self, **values):
        return self.Target.create(
            {
                "period_type": "month",
                "year": 2031,
                "month": "3",
                "user_id": self.salesman.id,
                "target_revenue": 10000,
                **values,
            }
        )

    def _confirmed_order(self, when, user=None, lines=None, **values):
        order = self._quotation(user=user, lines=lines, **values)
        order.action_confirm()
        order.date_order = when
        return order

    def _report(self, target):
        self.env.flush_all()
        return self.env["crm.sales.target.report"].search(
            [("target_id", "=", target.id)]
        )

    def test_period_dates_follow_month_and_quarter(self):
        february = self._target(year=2028, month="2")
        self.assertEqual(
            (february.date_from, february.date_to),
            (date(2028, 2, 1), date(2028, 2, 29)),
        )
        quarter = self._target(period_type="quarter", quarter="4")
        self.assertEqual(
            (quarter.date_from, quarter.date_to),
            (date(2031, 10, 1), date(2031, 12, 31)),
        )

    def test_team_defaults_from_salesperson(self):
        self.assertEqual(self._target().team_id, self.team)

    def test_bad_targets_are_refused(self):
        bad_values = [
            (ValidationError, {"user_id": False, "team_id": False}),
            (ValidationError, {"month": False}),
            (ValidationError, {"year": 31}),
            (IntegrityError, {"target_revenue": -1}),
            (IntegrityError, {"target_new_customers": -2}),
        ]
        for error, values in bad_values:
            with (
                self.subTest(values=values),
                mute_logger("odoo.sql_db"),
                self.assertRaises(error),
                self.env.cr.savepoint(),
            ):
                self._target(**values)
        self.assertFalse(self.Target.search([("year", "in", (31, 2031))]))

    def test_one_target_per_owner_and_period(self):
        self._target()
        self._target(month="4")
        self._target(period_type="quarter", quarter="1")
        self._target(user_id=False, team_id=self.team.id)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._target()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._target(user_id=False, team_id=self.team.id)

    def test_actual_from_orders_confirmed_in_period(self):
        target = self._target(target_gross_profit=2000, target_new_customers=2)
        self._confirmed_order(datetime(2031, 3, 5, 10), lines=[(self.freight, 2, 2400)])
        first_order = self._confirmed_order(
            datetime(2031, 3, 20, 10),
            lines=[(self.thc, 10, 180)],
            partner_id=self.newcomer.id,
        )
        first_order.order_line.with_user(self.sales_manager).purchase_price = 100
        # outside the period, or someone else's
        self._confirmed_order(datetime(2031, 4, 1, 10))
        self._confirmed_order(datetime(2031, 3, 10, 10), user=self.other_salesman)
        # a quotation that was never confirmed counts nothing
        self._quotation(date_order=datetime(2031, 3, 6, 10))
        row = self._report(target)
        self.assertAlmostEqual(row.actual_revenue, 2 * 2400 + 10 * 180)
        self.assertAlmostEqual(row.revenue_achievement, 66.0)
        # the freight line has no cost: all of it is margin
        self.assertAlmostEqual(row.actual_gross_profit, 4800 + 10 * 80)
        # both customers placed their first order ever with this salesperson in March
        self.assertEqual(row.actual_new_customers, 2)
        self.assertAlmostEqual(row.new_customers_achievement, 100.0)

    def test_customer_counts_as_new_only_in_its_first_period(self):
        self._confirmed_order(datetime(2031, 2, 10, 10), partner_id=self.newcomer.id)
        self._confirmed_order(datetime(2031, 3, 10, 10), partner_id=self.newcomer.id)
        march = self._target()
        february = self._target(month="2")
        self.assertEqual(self._report(march).actual_new_customers, 0)
        self.assertEqual(self._report(february).actual_new_customers, 1)

    def test_team_target_counts_every_member(self):
        target = self._target(user_id=False, team_id=self.team.id)
        mine = self._confirmed_order(datetime(2031, 3, 5, 10), team_id=self.team.id)
        theirs = self._confirmed_order(
            datetime(2031, 3, 6, 10), user=self.other_salesman, team_id=self.team.id
        )
        self.assertAlmostEqual(
            self._report(target).actual_revenue,
            mine.amount_untaxed + theirs.amount_untaxed,
        )

    def test_branch_target_counts_the_teams_under_it(self):
        branch = self.env["crm.team"].create({"name": "Chi nhánh Hà Nội"})
        self.team.parent_id = branch
        outside = self.env["crm.team"].create({"name": "Chi nhánh Đà Nẵng"})
        target = self._target(user_id=False, team_id=branch.id)
        sub_team_order = self._confirmed_order(
            datetime(2031, 3, 5, 10), team_id=self.team.id
        )
        self._confirmed_order(datetime(2031, 3, 6, 10), team_id=outside.id)
        self.assertAlmostEqual(
            self._report(target).actual_revenue, sub_team_order.amount_untaxed
        )

    def test_foreign_currency_orders_count_in_company_currency(self):
        currency = self.env["res.currency"].create(
            {
                "name": "TGC",
                "symbol": "T",
                "rate_ids": [Command.create({"name": "2031-01-01", "rate": 0.5})],
            }
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "Target Test Pricelist", "currency_id": currency.id}
        )
        target = self._target()
        order = self._quotation(
            lines=[(self.freight, 1, 1000)],
            pricelist_id=pricelist.id,
            date_order=datetime(2031, 3, 5, 10),
        )
        order.action_confirm()
        order.date_order = datetime(2031, 3, 5, 10)
        self.assertEqual(order.currency_rate, 0.5)
        self.assertAlmostEqual(self._report(target).actual_revenue, 2000)

    def test_order_day_is_read_in_the_salesperson_time_zone(self):
        self.salesman.tz = "Asia/Ho_Chi_Minh"
        # 1 April 2031, 01:00 in Hanoi
        self._confirmed_order(datetime(2031, 3, 31, 18))
        march = self._target()
        april = self._target(month="4")
        self.assertEqual(self._report(march).actual_revenue, 0)
        self.assertGreater(self._report(april).actual_revenue, 0)

    def test_salespeople_see_their_own_and_their_team_targets(self):
        mine = self._target()
        theirs = self._target(user_id=self.other_salesman.id)
        team = self._target(user_id=False, team_id=self.team.id)
        other_team = self.env["crm.team"].create({"name": "Target Other Team"})
        foreign = self._target(user_id=False, team_id=other_team.id)
        self.env.flush_all()
        domain = [("id", "in", (mine | theirs | team | foreign).ids)]
        self.assertEqual(
            self.Target.with_user(self.salesman).search(domain), mine | team
        )
        self.assertEqual(
            self.env["crm.sales.target.report"]
            .with_user(self.salesman)
            .search([("target_id", "in", (mine | theirs | team | foreign).ids)])
            .target_id,
            mine | team,
        )
        self.assertEqual(
            self.Target.with_user(self.sales_manager).search(domain),
            mine | theirs | team | foreign,
        )
        with assert_refused(self, AccessError, "not allowed to create 'Sales Target'"):
            self.Target.with_user(self.salesman).create(
                {"year": 2031, "month": "5", "user_id": self.salesman.id}
            )
        with assert_refused(self, AccessError, "not allowed to modify 'Sales Target'"):
            mine.with_user(self.salesman).target_revenue = 1


@tagged("post_install", "-at_install")
class TestSalesTargetTranslations(SalesPipelineCommon):
    """The months and labels a target has from crm.period.target.mixin keep this
    module's translations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_customer", "crm_sales_pipeline"])
        cls.env.registry.clear_cache()

    def test_months_and_salesperson_in_vietnamese_and_chinese(self):
        Target = self.env["crm.sales.target"].with_user(self.salesman)
        for lang, november, salesperson in (
            ("vi_VN", "Tháng 11", "Nhân viên kinh doanh"),
            ("zh_CN", "十一月", "销售员"),
        ):
            fields = Target.with_context(lang=lang).fields_get(
                ["month", "user_id"], ["string", "selection"]
            )
            self.assertEqual(dict(fields["month"]["selection"])["11"], november)
            self.assertEqual(fields["user_id"]["string"], salesperson)
