from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionOnTheTarget(CommissionCommon):
    """Lan's May target shows her commission so far and what is still to be paid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Target = cls.env["crm.sales.target"]
        values = {"period_type": "month", "year": 2026, "month": "5"}
        values["company_id"] = cls.company.id
        cls.lan_target = Target.create({**values, "user_id": cls.lan.id})
        cls.tuan_target = Target.create({**values, "user_id": cls.tuan.id})
        # 300 M of profit then 400 M: 9 M + 16 M
        cls._invoice(cls.lan, 400 * MILLION, 100 * MILLION, "2026-05-05")

    def _figures(self, target, user):
        self.env.invalidate_all()
        values = target.with_user(user).read(
            ["commission_earned", "commission_pending"]
        )
        return values[0]["commission_earned"], values[0]["commission_pending"]

    def test_earned_before_and_after_settlement(self):
        self.assertEqual(
            self._figures(self.lan_target, self.lan), (9 * MILLION, 9 * MILLION)
        )
        self._settle("2026-06-01")
        # the next invoice climbs the tiers from the settled 300 M
        self._invoice(self.lan, 700 * MILLION, 300 * MILLION, "2026-05-20")
        self.assertEqual(
            self._figures(self.lan_target, self.lan), (25 * MILLION, 25 * MILLION)
        )

    def test_paid_vendor_bill_is_no_longer_pending(self):
        settlement = self._settle("2026-06-01").filtered(
            lambda s: s.agent_id == self.lan.partner_id
        )
        settlement.with_user(self.manager).action_approve()
        # the accountant bills and pays
        settlement = settlement.with_env(self.env)
        product = self.env["product.product"].create(
            {"name": "Sales commission", "type": "service", "purchase_ok": True}
        )
        bill = settlement.make_invoices(
            self.company_data["default_journal_purchase"], product, date="2026-06-05"
        )
        bill.action_post()
        self._pay(bill, bill.amount_total, "2026-06-06")
        self.assertEqual(self._figures(self.lan_target, self.lan), (9 * MILLION, 0.0))

    def test_nobody_else_sees_her_commission(self):
        self.assertEqual(
            self._figures(self.lan_target, self.manager), (9 * MILLION, 9 * MILLION)
        )
        # Tuấn reads no target of Lan's, and has no commission of his own
        self.assertFalse(
            self.env["crm.sales.target"]
            .with_user(self.tuan)
            .search([("id", "=", self.lan_target.id)])
        )
        self.assertEqual(self._figures(self.tuan_target, self.tuan), (0.0, 0.0))
        # her team leader reads her target, not her commission
        leader = mail_new_test_user(
            self.env,
            login="commission_target_leader",
            groups="base.group_user,crm_customer.group_sale_team",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.env["crm.team"].create(
            {
                "name": "Sales HCM 1",
                "company_id": self.company.id,
                "user_id": leader.id,
                "crm_team_member_ids": [Command.create({"user_id": self.lan.id})],
            }
        )
        self.assertEqual(self._figures(self.lan_target, leader), (0.0, 0.0))

    def _leader(self):
        leader = mail_new_test_user(
            self.env,
            login="commission_target_leader_2",
            groups="base.group_user,crm_customer.group_sale_team",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.env["crm.team"].create(
            {
                "name": "Sales HCM 2",
                "company_id": self.company.id,
                "user_id": leader.id,
                "crm_team_member_ids": [
                    Command.create({"user_id": self.lan.id}),
                    Command.create({"user_id": self.tuan.id}),
                ],
            }
        )
        return leader

    def _grouped(self, user):
        self.env.invalidate_all()
        groups = (
            self.env["crm.sales.target"]
            .with_user(user)
            .read_group(
                [("company_id", "=", self.company.id)],
                ["commission_earned:sum", "commission_pending:sum"],
                ["user_id"],
            )
        )
        return {
            group["user_id"][0]: (
                group["commission_earned"],
                group["commission_pending"],
            )
            for group in groups
        }

    def test_salesperson_searches_and_sums_her_own_commission(self):
        Target = self.env["crm.sales.target"].with_user(self.lan)
        self.assertEqual(
            Target.search([("commission_earned", ">", 0)]), self.lan_target
        )
        self.assertEqual(
            Target.search([("commission_pending", "=", 9 * MILLION)]), self.lan_target
        )
        self.assertEqual(
            self._grouped(self.lan), {self.lan.id: (9 * MILLION, 9 * MILLION)}
        )
        # the list offers the figures as sums (a measure of the pivot, totals of groups)
        fields = Target.fields_get(["commission_earned"], ["aggregator"])
        self.assertEqual(fields["commission_earned"]["aggregator"], "sum")

    def test_other_salesperson_finds_and_sums_nothing_of_hers(self):
        Target = self.env["crm.sales.target"].with_user(self.tuan)
        self.assertFalse(Target.search([("commission_earned", ">", 0)]))
        self.assertEqual(
            Target.search([("commission_earned", "=", 0)]), self.tuan_target
        )
        self.assertEqual(self._grouped(self.tuan), {self.tuan.id: (0.0, 0.0)})
        # her team leader reads her target, neither finds nor sums her commission
        leader = self._leader()
        Target = self.env["crm.sales.target"].with_user(leader)
        self.assertEqual(
            Target.search([("id", "in", self.lan_target.ids)]), self.lan_target
        )
        self.assertFalse(Target.search([("commission_earned", ">", 0)]))
        self.assertIn(self.lan_target, Target.search([("commission_pending", "<=", 0)]))
        self.assertEqual(
            self._grouped(leader),
            {self.lan.id: (0.0, 0.0), self.tuan.id: (0.0, 0.0)},
        )

    def test_manager_searches_and_groups_everyone_s_commission(self):
        self.Plan.create(
            {
                "name": "Tuấn 2026",
                "plan_user_id": self.tuan.id,
                "date_start": "2026-01-01",
                "commission_type": "section",
                "amount_base_type": "net_amount",
                "invoice_state": "open",
                "section_ids": self._tiers(),
            }
        )
        # 100 M of profit: 3 M
        self._invoice(self.tuan, 200 * MILLION, 100 * MILLION, "2026-05-06")
        Target = self.env["crm.sales.target"].with_user(self.manager)
        self.assertEqual(
            Target.search([("commission_earned", ">", 0)], order="id"),
            self.lan_target | self.tuan_target,
        )
        self.assertEqual(
            Target.search([("commission_earned", ">=", 5 * MILLION)]), self.lan_target
        )
        self.assertEqual(
            self._grouped(self.manager),
            {
                self.lan.id: (9 * MILLION, 9 * MILLION),
                self.tuan.id: (3 * MILLION, 3 * MILLION),
            },
        )
        # a whole team's month: one group, the two salespeople's sum
        groups = Target.read_group(
            [("company_id", "=", self.company.id)],
            ["commission_earned:sum"],
            ["date_from:month"],
        )
        self.assertEqual([g["commission_earned"] for g in groups], [12 * MILLION])

    def test_search_needs_a_comparison_to_an_amount(self):
        Target = self.env["crm.sales.target"].with_user(self.lan)
        with self.assertRaises(UserError):
            Target.search([("commission_earned", "in", [1, 2])])
