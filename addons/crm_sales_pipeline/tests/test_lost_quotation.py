from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestLostQuotation(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.too_expensive = cls.env["crm.lost.reason"].create({"name": "Rate too high"})
        cls.competitor = cls.env["res.partner"].create(
            {"name": "Cheap Lines Logistics", "customer_type": "competitor"}
        )

    def _wizard(self, order, **values):
        action = order.with_user(self.salesman).action_cancel()
        self.assertEqual(action["res_model"], "sale.order.lost.wizard")
        return (
            self.env["sale.order.lost.wizard"]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create(values)
        )

    def test_cancelling_a_quotation_asks_why_first(self):
        order = self._quotation()
        self._wizard(order, lost_reason_id=self.too_expensive.id)
        self.assertEqual(order.state, "draft", "nothing cancelled before the reason")

    def test_lost_with_reason_competitor_and_price_gap(self):
        order = self._quotation()  # 10 x 2400 + 10 x 180, untaxed
        self._wizard(
            order,
            lost_reason_id=self.too_expensive.id,
            lost_competitor_id=self.competitor.id,
            competitor_price=24000,
        ).action_cancel_quotations()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.lost_reason_id, self.too_expensive)
        self.assertEqual(order.lost_competitor_id, self.competitor)
        self.assertEqual(order.price_gap, 1800)

    def test_no_reason_or_negative_price_is_refused(self):
        order = self._quotation()
        with self.assertRaisesRegex(UserError, "why the quotation was lost"):
            self._wizard(order).action_cancel_quotations()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._wizard(
                order, lost_reason_id=self.too_expensive.id, competitor_price=-1
            )
        self.assertEqual(order.state, "draft")

    def test_confirmed_orders_cancel_as_in_odoo(self):
        order = self._quotation()
        order.action_confirm()
        action = order.action_cancel()
        self.assertEqual(action["res_model"], "sale.order.cancel", "Odoo's own wizard")
