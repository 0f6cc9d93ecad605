from odoo import fields, models
from odoo.exceptions import UserError


class CrmCreditExceptionWizard(models.TransientModel):
    _name = "crm.credit.exception.wizard"
    _description = "Approve a Credit Exception"

    order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        required=True,
    )
    credit_problem = fields.Text(related="order_id.credit_problem")
    reason = fields.Text(required=True)

    def action_approve(self):
        self.ensure_one()
        if not self.reason.strip():
            raise UserError(self.env._("Say why the exception is approved."))
        # Accounting managers approve orders that their sales rights (if any)
        # would not let them edit; the wizard itself is theirs only.
        order = self.order_id.sudo()
        order.write(
            {
                "credit_exception_reason": self.reason,
                "credit_exception_user_id": self.env.user.id,
                "credit_exception_date": fields.Datetime.now(),
                "credit_exception_amount": order.amount_total,
            }
        )
        body = self.env._(
            "Credit exception approved by %(user)s for %(order)s: %(reason)s",
            user=self.env.user.name,
            order=order.name,
            reason=self.reason,
        )
        order.message_post(body=body)
        order.partner_invoice_id.commercial_partner_id.message_post(body=body)
        if order.credit_approval_pending:
            # The customer already signed or paid: the approval confirms the order.
            order.with_context(send_email=True).action_confirm()
        return {"type": "ir.actions.act_window_close"}
