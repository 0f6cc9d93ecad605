from odoo import api, fields, models

from .account_invoice_line_agent import EXCLUSIONS

# managers read a line's base: on a profit plan, the invoiced amount less it is the cost
BASE_GROUPS = "sales_team.group_sale_manager,account.group_account_manager"


class CommissionSettlementLine(models.Model):
    _inherit = "commission.settlement.line"

    base_amount = fields.Monetary(
        string="Commission Base",
        related="invoice_agent_line_id.base_amount",
        store=True,
        groups=BASE_GROUPS,
    )
    rate = fields.Float(
        string="Rate (%)",
        compute="_compute_rate",
        store=True,
        digits=(16, 2),
        help="The settled amount as a share of the base: within tiers, the rate the "
        "line's part of the period's base earned.",
    )
    bonus_invoice_id = fields.Many2one(
        "account.move",
        string="New Customer's First Invoice",
        readonly=True,
        index="btree_not_null",
        help="The first invoice of a customer new in the period this bonus line "
        "pays for.",
    )
    invoice_id = fields.Many2one(
        "account.move",
        compute="_compute_invoice_id",
        store=True,
        index="btree_not_null",
    )
    note = fields.Selection(
        [("bonus", "New-customer bonus"), *EXCLUSIONS],
        compute="_compute_note",
        store=True,
        help="A new-customer bonus, or why the plan pays nothing on this line.",
    )

    @api.depends("invoice_line_id.move_id", "bonus_invoice_id")
    def _compute_invoice_id(self):
        for line in self:
            line.invoice_id = line.bonus_invoice_id or line.invoice_line_id.move_id

    @api.depends("bonus_invoice_id", "invoice_agent_line_id.exclusion")
    def _compute_note(self):
        for line in self:
            line.note = (
                "bonus"
                if line.bonus_invoice_id
                else line.invoice_agent_line_id.exclusion
            )

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
        lines.filtered("invoice_agent_line_id").settlement_id._recompute_plan_lines()
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
