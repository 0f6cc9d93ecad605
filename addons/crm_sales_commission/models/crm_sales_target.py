from operator import eq, ge, gt, le, lt, ne

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.models import parse_read_group_spec
from odoo.tools import SQL, unique

PAID_STATES = ("paid", "in_payment")
COMMISSION_FIELDS = ("commission_earned", "commission_pending")
SEARCH_OPERATORS = {"=": eq, "!=": ne, "<": lt, "<=": le, ">": gt, ">=": ge}


class CrmSalesTarget(models.Model):
    """A salesperson's target shows her commission of its period: to her and to the
    sales managers only."""

    _inherit = "crm.sales.target"

    commission_earned = fields.Monetary(
        compute="_compute_commission",
        search="_search_commission_earned",
        aggregator="sum",
        help="The commission of the period's invoices so far: what was settled, plus "
        "what the invoices not settled yet will earn under the plan (an estimate until "
        "the month is settled). Shown to the salesperson and the sales managers.",
    )
    commission_pending = fields.Monetary(
        string="Commission Pending Payment",
        compute="_compute_commission",
        search="_search_commission_pending",
        aggregator="sum",
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

    def _search_commission_earned(self, operator, value):
        return self._search_commission("commission_earned", operator, value)

    def _search_commission_pending(self, operator, value):
        return self._search_commission("commission_pending", operator, value)

    # ------------------------------------------------------------------
    # Grouping: the figures are the compute's, summed per group
    # ------------------------------------------------------------------

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname = aggregate_spec != "__count" and parse_read_group_spec(aggregate_spec)[0]
        if fname not in COMMISSION_FIELDS:
            return super()._read_group_select(aggregate_spec, query)
        func = parse_read_group_spec(aggregate_spec)[2]
        if func != "sum":
            raise ValueError(f"Only sums of {fname!r} are supported.")
        # each group's targets, which _read_group_postprocess_aggregate sums: the
        # figures come from the compute, so that a reader sums only what she may see
        return SQL("ARRAY_AGG(%s)", SQL.identifier(self._table, "id"))

    @api.model
    def _read_group_postprocess_aggregate(self, aggregate_spec, raw_values):
        fname = aggregate_spec != "__count" and parse_read_group_spec(aggregate_spec)[0]
        if fname not in COMMISSION_FIELDS:
            return super()._read_group_postprocess_aggregate(aggregate_spec, raw_values)
        raw_values = list(raw_values)
        targets = self.browse(unique(id_ for ids in raw_values if ids for id_ in ids))
        figures = {target.id: target[fname] for target in targets}
        return (sum(figures[id_] for id_ in ids or ()) for ids in raw_values)

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _search_commission(self, fname, operator, value):
        """The targets the reader sees whose figure compares to ``value``: only hers,
        or any for a manager, can differ from 0."""
        compare = SEARCH_OPERATORS.get(operator)
        if compare is None or not isinstance(value, int | float):
            raise UserError(
                self.env._(
                    "Search the commission with a comparison to an amount "
                    "(=, !=, <, <=, >, >=)."
                )
            )
        domain = [("user_id", "!=", False)]
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            domain = [("user_id", "=", self.env.uid)]
        candidates = self.search(domain)
        matching = candidates.filtered(lambda target: compare(target[fname], value))
        if compare(0.0, value):
            return [("id", "not in", (candidates - matching).ids)]
        return [("id", "in", matching.ids)]

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
