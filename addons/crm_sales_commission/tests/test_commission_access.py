from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionAccess(CommissionCommon):
    """A salesperson reads her own plan and settlements, nobody else's; plans and
    approvals are the sales manager's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tuan_plan = cls.Plan.create(
            {
                "name": "Tuấn 2026",
                "plan_user_id": cls.tuan.id,
                "date_start": "2026-01-01",
                "fix_qty": 2.0,
            }
        )
        cls._invoice(cls.lan, 400 * MILLION, 100 * MILLION, "2026-05-05")
        cls._invoice(cls.tuan, 100 * MILLION, 0, "2026-05-06")
        settlements = cls._settle("2026-06-01")
        cls.lan_settlement = settlements.filtered(
            lambda s: s.agent_id == cls.lan.partner_id
        )
        cls.tuan_settlement = settlements - cls.lan_settlement

    def test_salesperson_reads_her_own_settlement(self):
        Settlement = self.env["commission.settlement"].with_user(self.lan)
        self.assertEqual(Settlement.search([]), self.lan_settlement)
        settlement = Settlement.browse(self.lan_settlement.id)
        self.assertEqual(settlement.total, 9 * MILLION)
        self.assertEqual(settlement.line_ids.rate, 3.0)
        lines = self.env["commission.settlement.line"].with_user(self.lan).search([])
        self.assertEqual(lines, self.lan_settlement.line_ids)

    def test_salesperson_never_reads_the_base_that_tells_the_cost(self):
        # Lan's base is her profit: the invoiced 400 M less it is the line's cost;
        # even allowed to export, she exports no base
        self.lan.groups_id |= self.env.ref("base.group_allow_export")
        for model in ("commission.settlement.line", "account.invoice.line.agent"):
            Model = self.env[model].with_user(self.lan)
            lines = Model.search([])
            self.assertTrue(lines)
            with assert_refused(self, AccessError, "base_amount"):
                lines.read(["base_amount"])
            with assert_refused(self, AccessError, "base_amount"):
                Model.search([("base_amount", ">", 0)])
            with assert_refused(self, AccessError, "base_amount"):
                Model.read_group([], ["base_amount:sum"], ["agent_id"])
            with assert_refused(self, AccessError, "base_amount"):
                Model.read_group([], ["agent_id"], ["base_amount"])
            with assert_refused(self, AccessError, "base_amount"):
                lines.export_data(["base_amount"])
        # the settlement form leaves the column out; the commission and rate are hers
        arch = (
            self.env["commission.settlement"]
            .with_user(self.lan)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="rate"', arch)
        self.assertNotIn('name="base_amount"', arch)
        line = self.lan_settlement.line_ids.with_user(self.lan)
        self.assertEqual(line.read(["settled_amount", "rate"])[0]["rate"], 3.0)
        # the manager reads it
        self.assertEqual(
            self.lan_settlement.line_ids.with_user(self.manager).base_amount,
            300 * MILLION,
        )

    def test_salesperson_is_refused_another_settlement(self):
        other = (
            self.env["commission.settlement"]
            .with_user(self.lan)
            .browse(self.tuan_settlement.id)
        )
        with assert_refused(self, AccessError, "commission.settlement"):
            other.read(["total"])

    def test_salesperson_cannot_approve_nor_change_her_settlement(self):
        settlement = self.lan_settlement.with_user(self.lan)
        with assert_refused(self, AccessError, "commission.settlement"):
            settlement.action_approve()
        with assert_refused(self, AccessError, "commission.settlement"):
            settlement.line_ids.settled_amount = 100 * MILLION
        self.assertFalse(self.lan_settlement.approved_user_id)

    def test_salesperson_sees_her_plan_only_and_writes_none(self):
        Plan = self.env["commission"].with_user(self.lan)
        plans = Plan.search([("is_plan", "=", True)])
        self.assertEqual(plans, self.lan_plan)
        tiers = self.env["commission.section"].with_user(self.lan).search([])
        self.assertEqual(tiers.commission_id.filtered("is_plan"), self.lan_plan)
        with assert_refused(self, AccessError, "commission"):
            Plan.create({"name": "My own", "plan_user_id": self.lan.id, "fix_qty": 50})
        with assert_refused(self, AccessError, "commission"):
            self.lan_plan.with_user(self.lan).fix_qty = 50

    def test_salesperson_reads_no_other_commission_of_an_invoice_line(self):
        agent_lines = (
            self.env["account.invoice.line.agent"].with_user(self.lan).search([])
        )
        self.assertEqual(agent_lines.agent_id, self.lan.partner_id)

    def test_billing_user_invoices_an_order_with_a_commission(self):
        billing = mail_new_test_user(
            self.env,
            login="commission_billing",
            groups="base.group_user,account.group_account_invoice",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        order = self._invoice(self.lan, 50 * MILLION, 0, "2026-05-07", post=False)
        order = order.invoice_line_ids.sale_line_ids.order_id
        order.invoice_ids.unlink()
        # OCA copies the order lines' agents to the invoice: billing reads them
        invoice = order.with_user(billing)._create_invoices()
        self.assertEqual(
            invoice.invoice_line_ids.agent_ids.agent_id, self.lan.partner_id
        )

    def test_manager_approves(self):
        settlements = self.lan_settlement | self.tuan_settlement
        settlements.with_user(self.manager).action_approve()
        self.assertEqual(settlements.approved_user_id, self.manager)

    def test_team_leader_reads_the_settlements_of_her_team_only(self):
        leader = mail_new_test_user(
            self.env,
            login="commission_leader",
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
        Settlement = self.env["commission.settlement"].with_user(leader)
        self.assertEqual(Settlement.search([]), self.lan_settlement)
        self.assertEqual(
            self.env["commission"].with_user(leader).search([("is_plan", "=", True)]),
            self.lan_plan,
        )
        with assert_refused(self, AccessError, "commission.settlement"):
            Settlement.browse(self.tuan_settlement.id).read(["total"])
