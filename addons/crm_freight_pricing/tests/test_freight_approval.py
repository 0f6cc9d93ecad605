from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from odoo.addons.crm_customer.tests.common import as_request, assert_refused

from .common import FreightCommon


class TestFreightApproval(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Hanoi Textiles"})
        cls.manager = new_test_user(
            cls.env, "sales_boss", groups="sales_team.group_sale_manager"
        )
        cls.rate = cls._create_fcl_rate()
        cls.company.freight_min_margin_sea_fcl = 8.0
        # the salesperson quotes from a floor 2 % above the cost: the minimum margin
        # is still checked on the cost itself
        cls._publish_floor(2.0)

    def _quote(self, margin):
        order = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": self.today,
                    "container_line_ids": [
                        Command.create({"container_type_id": self.c20.id})
                    ],
                }
            )
        )
        search = (
            as_request(self.salesman, self.env["freight.rate.search"])
            .with_context(default_order_id=order.id)
            .create({"margin_value": margin, "sell_rounding": 0.0})
        )
        search.action_search()
        as_request(self.salesman, search.option_ids).action_add_to_order()
        return order

    def test_margin_under_minimum_needs_a_manager(self):
        order = self._quote(margin=5.0)
        # 900 x 1.02 x 1.05 = 963.9: a 6.6 % margin on the sell price, under 8 %
        self.assertEqual(order.order_line.price_unit, 963.9)
        self.assertAlmostEqual(order.margin_percent, 63.9 / 963.9)
        self.assertTrue(order.freight_margin_too_low)
        self.assertTrue(order.freight_approval_needed)
        with self.assertRaisesRegex(UserError, "approval"):
            order.action_quotation_send()
        with self.assertRaisesRegex(UserError, "approval"):
            order.action_confirm()
        order.action_request_freight_approval()
        activity = order.activity_ids.filtered(lambda act: act.user_id == self.manager)
        self.assertTrue(activity)
        with assert_refused(
            self, AccessError, r"Only sales managers approve freight quotations\."
        ):
            order.action_approve_freight()
        order.with_user(self.manager).action_approve_freight()
        self.assertFalse(order.freight_approval_needed)
        self.assertFalse(
            order.activity_ids.filtered(lambda act: act.user_id == self.manager)
        )
        order.action_quotation_send()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_a_price_under_the_floor_needs_a_manager_whatever_the_cost(self):
        order = self._quote(margin=10.0)
        line = as_request(self.salesman, order.order_line)
        self.assertEqual(line.freight_floor_price, 918.0)  # 900 + 2 %
        self.assertFalse(line.order_id.freight_approval_needed)
        # under the floor, the margin flag no longer answers: whatever the price
        # tried, the salesperson learns nothing more about the cost
        for price in (917.0, 901.0, 850.0):
            line.price_unit = price
            order = as_request(self.salesman, line.order_id)
            self.assertTrue(order.freight_under_floor)
            self.assertFalse(order.freight_margin_too_low)
            self.assertTrue(order.freight_approval_needed)
        with self.assertRaisesRegex(UserError, "under Pricing's sell floor"):
            order.action_quotation_send()
        order.with_user(self.manager).action_approve_freight()
        self.assertFalse(order.freight_approval_needed)

    def test_enough_margin_needs_nothing(self):
        order = self._quote(margin=10.0)
        self.assertFalse(order.freight_approval_needed)
        order.action_confirm()

    def test_changing_the_lines_withdraws_the_approval(self):
        order = self._quote(margin=5.0)
        order.with_user(self.manager).action_approve_freight()
        order.order_line[:1].price_unit -= 10
        self.assertTrue(order.freight_approval_needed)

    def test_approval_goes_up_the_team_tree_to_a_sales_manager(self):
        leader = new_test_user(
            self.env, "approval_leader", groups="crm_customer.group_sale_team"
        )
        branch = self.env["crm.team"].create(
            {"name": "Chi nhánh Hải Phòng", "user_id": self.manager.id}
        )
        team = self.env["crm.team"].create(
            {"name": "Nhóm Hàng biển", "parent_id": branch.id, "user_id": leader.id}
        )
        order = self._quote(margin=5.0)
        order.team_id = team
        order.action_request_freight_approval()
        # the team leader may not approve: the branch's leader, a sales manager, does
        self.assertEqual(
            order.activity_ids.filtered(
                lambda act: act.summary == "Approve freight quotation"
            ).user_id,
            self.manager,
        )

    def test_changed_or_expired_rate_needs_approval_to_confirm(self):
        now = fields.Datetime.now()
        with freeze_time(now):
            order = self._quote(margin=10.0)
        self.assertFalse(order.freight_rate_changed)
        with freeze_time(now + timedelta(minutes=5)):
            self.rate.action_reset_to_draft()
            self.rate.line_ids[:1].price = 950.0
            self.rate.action_activate()
        self.assertTrue(order.freight_rate_changed)
        with self.assertRaisesRegex(UserError, "buy rate"):
            order.action_confirm()
        with freeze_time(now + timedelta(minutes=10)):
            order.with_user(self.manager).action_approve_freight()
        self.assertFalse(order.freight_approval_needed)
        # the rate ends: quotations priced from it need a new look
        with freeze_time(self.rate.date_to + timedelta(days=1)):
            order.invalidate_recordset()
            self.assertTrue(order.freight_approval_needed)

    def test_salespeople_are_reminded_of_expiring_rates(self):
        order = self._quote(margin=10.0)
        other_rate = self._create_fcl_rate(carrier=self.airline)
        reminded = self.env["sale.order"]._remind_quotations_of_expiring_rates(
            self.rate | other_rate
        )
        self.assertEqual(reminded, order)
        activity = order.activity_ids.filtered(
            lambda act: act.summary == "Buy rate expiring"
        )
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.date_deadline, self.rate.date_to)

    def test_rate_expiry_job_reminds_owner_and_salespeople(self):
        order = self._quote(margin=10.0)
        # a real owner: the rate was created by OdooBot, whom nobody reads for
        self.rate.user_id = self.pricing_user
        with freeze_time(self.rate.date_to - timedelta(days=2)):
            self.env["freight.rate"]._cron_expire_rates()
        renew = self.rate.activity_ids.filtered(
            lambda act: act.summary == "Renew buy rate"
        )
        self.assertEqual(renew.user_id, self.pricing_user)
        activity = order.activity_ids.filtered(
            lambda act: act.summary == "Buy rate expiring"
        )
        self.assertEqual(activity.user_id, self.salesman)
