import datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.tests import tagged
from odoo.tools.safe_eval import datetime as safe_datetime, safe_eval

from .common import SalesPipelineCommon

WEEK_1 = datetime.date(2026, 3, 2)  # Monday to Sunday 8 March
WEEK_2 = datetime.date(2026, 3, 9)


@tagged("post_install", "-at_install")
class TestActivityReport(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # weeks start on Monday, as in ISO 8601
        cls.env.ref("base.lang_en").week_start = "1"
        ActivityType = cls.env["mail.activity.type"]
        cls.call = ActivityType.create({"name": "Report Call", "keep_done": True})
        cls.visit = ActivityType.create({"name": "Report Visit", "keep_done": False})
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Report Opportunity",
                "type": "opportunity",
                "user_id": cls.salesman.id,
            }
        )
        cls.internal = cls.env["res.partner"].create({"name": "Not a sales document"})

        def plan(record, activity_type, deadline, user):
            return cls.env["mail.activity"].create(
                {
                    "res_model_id": cls.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "summary": f"{activity_type.name} {deadline}",
                    "date_deadline": deadline,
                    "user_id": user.id,
                }
            )

        def done(activity, when):
            with freeze_time(when):
                activity.with_user(activity.user_id).action_done()
                cls.env.flush_all()

        customer, lead = cls.customer, cls.opportunity
        on_friday = plan(customer, cls.call, "2026-03-06", cls.salesman)
        plan(lead, cls.call, "2026-03-08", cls.salesman)  # Sunday, left open
        on_monday = plan(lead, cls.call, "2026-03-09", cls.salesman)
        plan(customer, cls.call, "2026-03-10", cls.salesman)  # left open
        visit = plan(customer, cls.visit, "2026-03-04", cls.salesman)
        cls.future = plan(
            customer,
            cls.call,
            fields.Date.today() + datetime.timedelta(days=30),
            cls.salesman,
        )
        others = plan(customer, cls.call, "2026-03-05", cls.other_salesman)
        done(on_friday, "2026-03-06 09:00:00")
        done(on_monday, "2026-03-12 09:00:00")  # done late, counted in its week
        done(visit, "2026-03-11 10:00:00")  # not kept: counted the week it was done
        done(others, "2026-03-05 15:00:00")
        cls.Report = cls.env["crm.sales.activity.report"]
        cls.types = cls.call | cls.visit

    def _weeks(self, user=None, domain=()):
        Report = self.Report.with_user(user) if user else self.Report
        return {
            (salesperson, week): values
            for salesperson, week, *values in Report._read_group(
                [("activity_type_id", "in", self.types.ids), *domain],
                ["user_id", "date:week"],
                [
                    "planned_count:sum",
                    "done_count:sum",
                    "overdue_count:sum",
                    "done_rate:avg",
                ],
            )
        }

    def test_planned_done_and_overdue_per_salesperson_per_week(self):
        weeks = self._weeks()
        planned, done, overdue, rate = weeks[self.salesman, WEEK_1]
        self.assertEqual((planned, done, overdue), (2, 1, 1))
        self.assertAlmostEqual(rate, 50.0)
        planned, done, overdue, rate = weeks[self.salesman, WEEK_2]
        self.assertEqual((planned, done, overdue), (3, 2, 1))
        self.assertAlmostEqual(rate, 200 / 3)
        self.assertEqual(weeks[self.other_salesman, WEEK_1][:3], [1, 1, 0])
        self.assertNotIn((self.other_salesman, WEEK_2), weeks)

    def test_done_counted_by_the_week_it_was_done(self):
        done_weeks = dict(
            self.Report._read_group(
                [
                    ("user_id", "=", self.salesman.id),
                    ("activity_type_id", "in", self.types.ids),
                    ("state", "=", "done"),
                ],
                ["date_done:week"],
                ["done_count:sum"],
            )
        )
        # the Monday call done on Thursday and the visit done on Wednesday
        self.assertEqual(done_weeks, {WEEK_1: 1, WEEK_2: 2})

    def test_future_activity_is_planned_not_overdue(self):
        domain = [
            ("res_model", "=", "res.partner"),
            ("res_id", "=", self.customer.id),
            ("date", ">", fields.Date.today()),
        ]
        row = self.Report.search(domain)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.state, "open")
        self.assertEqual(
            (row.planned_count, row.done_count, row.overdue_count), (1, 0, 0)
        )
        self.future.action_done()
        self.env.flush_all()
        self.env.invalidate_all()
        row = self.Report.search(domain)
        self.assertEqual((row.state, row.done_count), ("done", 1))
        self.assertEqual(row.date_done, fields.Date.today())

    def test_activity_types_and_documents(self):
        by_type = {
            activity_type: (planned, done)
            for activity_type, planned, done in self.Report._read_group(
                [("user_id", "=", self.salesman.id), ("date", "<", "2026-04-01")],
                ["activity_type_id"],
                ["planned_count:sum", "done_count:sum"],
            )
        }
        self.assertEqual(by_type, {self.call: (4, 2), self.visit: (1, 1)})
        rows = self.Report.search([("user_id", "=", self.salesman.id)])
        self.assertEqual(set(rows.mapped("res_model")), {"res.partner", "crm.lead"})
        self.assertIn("Report Opportunity", rows.mapped("res_name"))

    def test_activities_outside_sales_documents_are_left_out(self):
        self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("product.template"),
                "res_id": self.freight.product_tmpl_id.id,
                "activity_type_id": self.call.id,
                "date_deadline": "2026-03-03",
                "user_id": self.salesman.id,
            }
        )
        self.env.flush_all()
        self.assertEqual(self._weeks()[self.salesman, WEEK_1][0], 2)

    def test_own_documents_salesman_sees_only_his_rows(self):
        self.assertEqual(
            {user for user, _week in self._weeks(self.salesman)}, {self.salesman}
        )
        self.assertEqual(
            {user for user, _week in self._weeks(self.sales_manager)},
            {self.salesman, self.other_salesman},
        )

    def _filter_domain(self, name, today, uid):
        arch = etree.fromstring(
            self.env.ref(
                "crm_sales_pipeline.crm_sales_activity_report_view_search"
            ).arch
        )
        (node,) = arch.xpath(f"//filter[@name='{name}']")
        return safe_eval(
            node.get("domain"),
            {
                "context_today": lambda: today,
                "relativedelta": relativedelta,
                "datetime": safe_datetime,
                "uid": uid,
            },
        )

    def _filtered_dates(self, name, today, user):
        rows = self.Report.with_user(user).search(
            self._filter_domain(name, today, user.id)
            + [("activity_type_id", "in", self.types.ids)]
        )
        return sorted(rows.mapped("date"))

    def test_this_week_and_last_week_run_monday_to_sunday(self):
        week_2 = [datetime.date(2026, 3, day) for day in (9, 10, 11)]
        week_1 = [datetime.date(2026, 3, 6), datetime.date(2026, 3, 8)]
        for today in (datetime.date(2026, 3, 9), datetime.date(2026, 3, 15)):
            with self.subTest(today=today):
                self.assertEqual(
                    self._filtered_dates("this_week", today, self.salesman), week_2
                )
                self.assertEqual(
                    self._filtered_dates("last_week", today, self.salesman), week_1
                )

    def test_my_team_shows_the_team_members_activities(self):
        self.env["crm.team"].create(
            {
                "name": "Report Team",
                "user_id": self.sales_manager.id,
                "member_ids": [(6, 0, self.salesman.ids)],
            }
        )
        self.env.flush_all()
        rows = self.Report.with_user(self.sales_manager).search(
            self._filter_domain("my_team", None, self.sales_manager.id)
            + [("activity_type_id", "in", self.types.ids)]
        )
        self.assertEqual(rows.user_id, self.salesman)
