from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionSettlement(CommissionCommon):
    """Hand-computed settlements in dong, settled by the sales manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # May: 300 M + 400 M of profit = 700 M: 3 % of 500 M + 5 % of 200 M = 25 M,
        # 9 M on the first invoice (3 % of 300 M), 16 M on the second (3 % of
        # 200 M + 5 % of 200 M)
        cls.invoice_a = cls._invoice(
            cls.lan, 400 * MILLION, 100 * MILLION, "2026-05-05"
        )
        cls.invoice_b = cls._invoice(
            cls.lan, 700 * MILLION, 300 * MILLION, "2026-05-20"
        )
        cls.invoice_june = cls._invoice(
            cls.lan, 100 * MILLION, 60 * MILLION, "2026-06-10"
        )

    def _lan_settlements(self, settlements):
        return settlements.filtered(lambda s: s.agent_id == self.lan.partner_id)

    def test_oca_modules_are_installed(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    [
                        "sale_commission_oca",
                        "sale_commission_salesman",
                        "sale_commission_margin_oca",
                    ],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 3)

    def test_plan_makes_the_salesperson_an_agent(self):
        partner = self.lan.partner_id
        self.assertTrue(partner.agent)
        self.assertTrue(partner.salesman_as_agent)
        self.assertEqual(partner.commission_id, self.lan_plan)
        agent_line = self.invoice_a.invoice_line_ids.agent_ids
        self.assertEqual(agent_line.agent_id, partner)
        self.assertEqual(agent_line.commission_id, self.lan_plan)

    def test_month_is_settled_on_profit_with_cumulative_tiers(self):
        settlement = self._lan_settlements(self._settle("2026-06-01"))
        self.assertEqual(len(settlement), 1)
        self.assertEqual(settlement.date_from, self._date("2026-05-01"))
        self.assertEqual(settlement.date_to, self._date("2026-05-31"))
        self.assertEqual(settlement.currency_id, self.vnd)
        lines = settlement.line_ids.sorted("date")
        self.assertEqual(lines.invoice_id, self.invoice_a | self.invoice_b)
        self.assertEqual(lines.mapped("base_amount"), [300 * MILLION, 400 * MILLION])
        self.assertEqual(lines.mapped("settled_amount"), [9 * MILLION, 16 * MILLION])
        self.assertEqual(lines.mapped("rate"), [3.0, 4.0])
        self.assertEqual(settlement.total, 25 * MILLION)

    def test_settling_again_changes_nothing(self):
        first = self._lan_settlements(self._settle("2026-06-01"))
        again = self._lan_settlements(self._settle("2026-06-01"))
        self.assertEqual(again, first)
        self.assertEqual(len(again.line_ids), 2)
        self.assertEqual(again.total, 25 * MILLION)

    def test_later_month_goes_to_its_own_settlement(self):
        may, june = self._lan_settlements(self._settle("2026-07-01")).sorted(
            "date_from"
        )
        self.assertEqual(may.total, 25 * MILLION)
        # 40 M of profit, 3 %
        self.assertEqual(june.line_ids.invoice_id, self.invoice_june)
        self.assertEqual(june.total, 1_200_000)

    def test_credit_note_takes_back_what_was_settled(self):
        may = self._lan_settlements(self._settle("2026-06-01"))
        # half of the second invoice credited in June: it had earned 16 M
        refund = self._credit_note(self.invoice_b, "2026-06-15", share=0.5)
        june = self._lan_settlements(self._settle("2026-07-01")) - may
        refund_line = june.line_ids.filtered(lambda line: line.invoice_id == refund)
        self.assertEqual(refund_line.base_amount, -200 * MILLION)
        self.assertEqual(refund_line.settled_amount, -8 * MILLION)
        # the June invoice still earns the month's first tier
        self.assertEqual(june.total, -8 * MILLION + 1_200_000)
        self.assertEqual(may.total, 25 * MILLION)

    def test_credit_note_of_the_same_month_lowers_its_base(self):
        self._credit_note(self.invoice_b, "2026-05-25", share=0.5)
        settlement = self._lan_settlements(self._settle("2026-06-01"))
        # 700 M - 200 M = 500 M of profit: 3 %
        self.assertEqual(settlement.total, 15 * MILLION)

    def test_approved_settlement_is_closed(self):
        may = self._lan_settlements(self._settle("2026-06-01"))
        may.with_user(self.manager).action_approve()
        self.assertEqual(may.approved_user_id, self.manager)
        late = self._invoice(self.lan, 10 * MILLION, 0, "2026-05-30")
        settlements = self._lan_settlements(self._settle("2026-06-01"))
        late_settlement = settlements - may
        self.assertEqual(len(late_settlement), 1)
        self.assertEqual(late_settlement.line_ids.invoice_id, late)
        self.assertEqual(may.total, 25 * MILLION)

    def test_vendor_bill_of_an_approved_settlement(self):
        may = self._lan_settlements(self._settle("2026-06-01"))
        product = self.env["product.product"].create(
            {"name": "Sales commission", "type": "service", "purchase_ok": True}
        )
        journal = self.company_data["default_journal_purchase"]
        # the accountant bills; the settlement must have been approved
        settlement = may.with_env(self.env)
        with assert_refused(self, UserError, "Approve settlement"):
            settlement.make_invoices(journal, product)
        may.with_user(self.manager).action_approve()
        bill = settlement.make_invoices(journal, product, date="2026-06-05")
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.partner_id, self.lan.partner_id)
        self.assertEqual(bill.amount_untaxed, 25 * MILLION)
        self.assertEqual(may.state, "invoiced")

    def test_team_plan_pays_members_without_a_plan_of_their_own(self):
        team = self.env["crm.team"].create(
            {
                "name": "Sea freight team",
                "company_id": self.company.id,
                "crm_team_member_ids": [
                    Command.create({"user_id": self.lan.id}),
                    Command.create({"user_id": self.tuan.id}),
                ],
            }
        )
        team_plan = self.Plan.create(
            {
                "name": "Sea freight team 2026",
                "plan_team_id": team.id,
                "date_start": "2026-01-01",
                "fix_qty": 1.0,
                "invoice_state": "open",
            }
        )
        self.assertTrue(self.tuan.partner_id.agent)
        invoice = self._invoice(self.tuan, 100 * MILLION, 40 * MILLION, "2026-05-08")
        self.assertEqual(invoice.invoice_line_ids.agent_ids.commission_id, team_plan)
        settlements = self._settle("2026-06-01")
        tuan = settlements.filtered(lambda s: s.agent_id == self.tuan.partner_id)
        # 1 % of the invoiced 100 M (the plan's base is the invoiced amount)
        self.assertEqual(tuan.total, 1 * MILLION)
        # Lan keeps her own plan
        self.assertEqual(self._lan_settlements(settlements).total, 25 * MILLION)


@tagged("post_install", "-at_install")
class TestPaidPlanInDollars(CommissionCommon):
    """Tuấn is paid 2 % of the profit of paid invoices; an invoice in dollars counts in
    dong at its own rate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.setup_other_currency("USD", rates=[("2026-01-01", 1 / 25_000.0)])
        cls.tuan_plan = cls.Plan.create(
            {
                "name": "Tuấn 2026",
                "plan_user_id": cls.tuan.id,
                "date_start": "2026-01-01",
                "commission_type": "fixed",
                "fix_qty": 2.0,
                "amount_base_type": "net_amount",
                "invoice_state": "paid",
            }
        )
        # 4,000 USD sold, 1,000 USD of cost: 75 M VND of profit, 1.5 M VND commission
        cls.invoice = cls._invoice(cls.tuan, 4000, 1000, "2026-05-12", currency=cls.usd)

    def _tuan_settlements(self):
        return self._settle("2026-06-01").filtered(
            lambda s: s.agent_id == self.tuan.partner_id
        )

    def test_partial_payment_waits(self):
        self._pay(self.invoice, 1000, "2026-05-20", currency=self.usd)
        self.assertEqual(self.invoice.payment_state, "partial")
        self.assertFalse(self._tuan_settlements())

    def test_paid_invoice_in_dollars_settles_in_dong(self):
        self._pay(self.invoice, 1000, "2026-05-20", currency=self.usd)
        self._pay(self.invoice, 3000, "2026-05-28", currency=self.usd)
        settlement = self._tuan_settlements()
        self.assertEqual(settlement.currency_id, self.vnd)
        self.assertEqual(settlement.line_ids.base_amount, 75 * MILLION)
        self.assertEqual(settlement.line_ids.rate, 2.0)
        self.assertEqual(settlement.total, 1_500_000)
