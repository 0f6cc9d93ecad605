from odoo import api, fields, models


class CommissionSettlementLine(models.Model):
    _inherit = "commission.settlement.line"

    base_amount = fields.Monetary(
        string="Commission Base",
        related="invoice_agent_line_id.base_amount",
        store=True,
    )
    rate = fields.Float(
        string="Rate (%)",
        compute="_compute_rate",
        store=True,
        digits=(16, 2),
        help="The settled amount as a share of the base: within tiers, the rate the "
        "line's part of the period's base earned.",
    )
    invoice_id = fields.Many2one(related="invoice_line_id.move_id", string="Invoice")

    @api.depends("settled_amount", "base_amount")
    def _compute_rate(self):
        for line in self:
            line.rate = (
                line.settled_amount / line.base_amount * 100.0
                if line.base_amount
                else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.settlement_id._recompute_plan_lines()
        return lines

    def _taken_back_amount(self):
        """For a credit note whose invoice was settled in another settlement: minus
        that commission, in the proportion of the credit note's base to the invoice's.
        None for any other line."""
        self.ensure_one()
        origin = self.invoice_id.reversed_entry_id
        if not origin:
            return None
        settled = self.search(
            [
                ("invoice_line_id.move_id", "=", origin.id),
                ("agent_id", "=", self.agent_id.id),
                ("settlement_id", "!=", self.settlement_id.id),
                ("settlement_id.state", "!=", "cancel"),
            ]
        )
        origin_base = sum(settled.mapped("base_amount"))
        if not settled or not origin_base:
            return None
        share = self.base_amount / origin_base
        return self.currency_id.round(sum(settled.mapped("settled_amount")) * share)
