from odoo import api, fields, models

PAID_STATES = ("paid", "in_payment")


class CrmSalesTarget(models.Model):
    """A salesperson's target shows her commission of its period: to her and to the
    sales managers only."""

    _inherit = "crm.sales.target"

    commission_earned = fields.Monetary(
        compute="_compute_commission",
        help="The commission of the period's invoices so far: what was settled, plus "
        "what the invoices not settled yet will earn under the plan (an estimate until "
        "the month is settled). Shown to the salesperson and the sales managers.",
    )
    commission_pending = fields.Monetary(
        string="Commission Pending Payment",
        compute="_compute_commission",
        help="The commission earned that no paid vendor bill has paid yet.",
    )

    # whose figures they are depends on who reads them
    @api.depends_context("uid")
    def _compute_commission(self):
        self.commission_earned = self.commission_pending = 0.0
        is_manager = self.env.user.has_group("sales_team.group_sale_manager")
        for target in self:
            if not target.user_id or not target.date_from or not target.date_to:
                continue
            if target.user_id != self.env.user and not is_manager:
                continue
            earned, paid = target._commission_figures()
            target.commission_earned = earned
            target.commission_pending = earned - paid

    def _commission_figures(self):
        """(earned, paid) in the company's currency over the target's period."""
        self.ensure_one()
        currency = self.company_id.currency_id
        period = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        partner = self.user_id.partner_id
        # sudo: the bases behind the figures are the managers' (they tell the cost);
        # only the salesperson's own figures, checked by the caller, are computed
        SettlementLine = self.env["commission.settlement.line"].sudo()
        settled = SettlementLine._read_group(
            [
                *period,
                ("agent_id", "=", partner.id),
                ("company_id", "=", self.company_id.id),
                ("settlement_id.state", "!=", "cancel"),
            ],
            ["commission_id", "settlement_id"],
            ["settled_amount:sum", "base_amount:sum"],
        )
        earned = paid = 0.0
        settled_base = {}
        for plan, settlement, amount, base in settled:
            earned += amount
            if settlement.invoice_id.payment_state in PAID_STATES:
                paid += amount
            settled_base[plan] = settled_base.get(plan, 0.0) + base
        agent_lines = (
            self.env["account.invoice.line.agent"]
            .sudo()
            .search(
                [
                    ("agent_id", "=", partner.id),
                    ("settled", "=", False),
                    ("commission_id.is_plan", "=", True),
                    ("invoice_date", ">=", self.date_from),
                    ("invoice_date", "<=", self.date_to),
                    ("object_id.display_type", "=", "product"),
                    ("company_id", "=", self.company_id.id),
                ]
            )
            .filtered(lambda line: not line._skip_settlement() and not line.exclusion)
        )
        for plan, lines in agent_lines.grouped("commission_id").items():
            if plan.commission_type == "section" and plan.tier_scope == "period":
                before = settled_base.get(plan, 0.0)
                after = before + sum(lines.mapped("base_amount"))
                earned += currency.round(
                    plan._tiered_amount(max(after, 0.0))
                ) - currency.round(plan._tiered_amount(max(before, 0.0)))
            else:
                earned += sum(lines.mapped("amount"))
        return currency.round(earned), currency.round(paid)
