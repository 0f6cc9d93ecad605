from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        # A customer who pays online a quotation their credit blocks: the payment
        # stands, the order waits for the company's approval.
        held = self.filtered(lambda tx: tx._hold_order_for_credit_approval())
        return super(PaymentTransaction, self - held)._check_amount_and_confirm_order()

    def _hold_order_for_credit_approval(self):
        """Hold this transaction's quotation for credit approval when its payment
        would confirm it but the customer's credit blocks it."""
        self.ensure_one()
        if len(self.sale_order_ids) != 1:
            return False
        quotation = self.sale_order_ids.filtered(
            lambda order: order.state in ("draft", "sent")
        )
        if not (
            quotation
            and quotation._is_confirmation_amount_reached()
            and quotation._get_blocking_credit_problems()
        ):
            return False
        quotation._hold_for_credit_approval()
        return True
