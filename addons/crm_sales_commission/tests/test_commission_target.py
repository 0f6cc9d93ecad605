from odoo import Command
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
