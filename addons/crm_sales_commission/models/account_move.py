from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def action_post(self):
        result = super().action_post()
        # the invoice date is final now: the plan in force on it pays the lines
        self.invoice_line_ids.agent_ids._assign_plan()
        return result
