from odoo import fields, models


class CommissionMakeSettle(models.TransientModel):
    _inherit = "commission.make.settle"

    # settled at the start of a month: the months before it, from the sales invoices
    date_to = fields.Date(
        default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    settlement_type = fields.Selection(default="sale_invoice")

    def _get_settlement(self, agent, company, currency, sett_from, sett_to):
        """An approved settlement is closed: what comes later goes to a new one."""
        settlement = super()._get_settlement(
            agent, company, currency, sett_from, sett_to
        )
        if not settlement.approved_user_id:
            return settlement
        return self.env["commission.settlement"].search(
            [
                ("agent_id", "=", agent.id),
                ("date_from", "=", sett_from),
                ("date_to", "=", sett_to),
                ("company_id", "=", company.id),
                ("currency_id", "=", currency.id),
                ("state", "=", "settled"),
                ("settlement_type", "=", self.settlement_type),
                ("approved_user_id", "=", False),
            ],
            limit=1,
        )
