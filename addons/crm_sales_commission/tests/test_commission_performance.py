from odoo import Command
from odoo.tests import tagged

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestSettlementQueries(CommissionCommon):
    """Settling a month costs the same number of queries for 50 invoice lines as for
    500: nothing is read or written line by line."""

    def _month_of_lines(self, count, month):
        invoice = (
            self.env["account.move"]
            .with_context(default_move_type="out_invoice")
            .create(
                {
                    "partner_id": self.customer.id,
                    "invoice_user_id": self.lan.id,
                    "invoice_date": f"2026-{month:02d}-10",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.freight.id,
                                "quantity": 1,
                                "price_unit": (index + 1) * MILLION,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for index in range(count)
                    ],
                }
            )
        )
        invoice.action_post()
        self.assertEqual(len(invoice.invoice_line_ids.agent_ids), count)
        return invoice

    def _settle_counting(self, month):
        wizard = (
            self.env["commission.make.settle"]
            .with_user(self.manager)
            .create(
                {
                    "date_to": f"2026-{month + 1:02d}-01",
                    "settlement_type": "sale_invoice",
                }
            )
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        wizard.action_settle()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_lines(self):
        self._month_of_lines(50, 3)
        self._month_of_lines(500, 4)
        self._settle_counting(2)  # warm: nothing to settle before March
        small = self._settle_counting(3)
        large = self._settle_counting(4)
        settlements = self.env["commission.settlement"].search(
            [("agent_id", "=", self.lan.partner_id.id)]
        )
        self.assertEqual(sorted(len(s.line_ids) for s in settlements), [50, 500])
        # 50 lines of 1 M to 50 M: 1,275 M sold, no cost: 3 % of 500 M, 5 % above
        march = settlements.filtered(lambda s: s.date_from.month == 3)
        self.assertEqual(march.total, 15 * MILLION + 38_750_000)
        self.assertLessEqual(
            large, small + 10, f"{small} queries for 50, {large} for 500"
        )
