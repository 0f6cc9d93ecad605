import math

from odoo import api, fields, models

EXCLUSIONS = [
    ("customer", "Excluded customer"),
    ("product", "Excluded product"),
    ("category", "Excluded product category"),
]


class AccountInvoiceLineAgent(models.Model):
    """An invoice line's commission under a plan: the plan in force on the invoice
    date, a base in the company's currency (revenue, or profit with the cost kept on
    the order line), the amount of that base on its own."""

    _inherit = "account.invoice.line.agent"

    # a plan counts in the company's currency, at the invoice's rate
    currency_id = fields.Many2one(related=False, compute="_compute_currency_id")
    base_amount = fields.Monetary(
        string="Commission Base",
        compute="_compute_base_amount",
        store=True,
        precompute=True,
        help="What the plan's rate applies to, in the company's currency: the invoiced "
        "amount, or the invoiced amount less the cost kept on the order line. Negative "
        "on credit notes.",
        # the base of a profit plan less the invoiced amount is the line's cost
        groups="sales_team.group_sale_manager,account.group_account_manager",
    )
    exclusion = fields.Selection(
        EXCLUSIONS,
        compute="_compute_exclusion",
        store=True,
        precompute=True,
        help="Why the plan pays nothing on this line.",
    )

    @api.depends("commission_id.is_plan", "object_id.currency_id", "company_id")
    def _compute_currency_id(self):
        for line in self:
            if line.commission_id.is_plan:
                line.currency_id = line.object_id.company_id.currency_id
            else:
                line.currency_id = line.object_id.currency_id

    @api.depends(
        "commission_id.is_plan",
        "commission_id.amount_base_type",
        "object_id.balance",
        "object_id.quantity",
        "object_id.sale_line_ids.purchase_price",
    )
    def _compute_base_amount(self):
        for line in self:
            if not line.commission_id.is_plan:
                line.base_amount = 0.0
                continue
            inv_line = line.object_id
            # the income line's balance: company currency at the invoice's rate
            revenue = -inv_line.balance
            if line.commission_id.amount_base_type == "net_amount":
                revenue -= math.copysign(line._line_cost(), revenue)
            line.base_amount = revenue

    @api.depends(
        "commission_id.is_plan",
        "commission_id.excluded_partner_ids",
        "commission_id.excluded_product_ids",
        "commission_id.excluded_categ_ids",
        "object_id.product_id",
        "object_id.move_id.commercial_partner_id",
    )
    def _compute_exclusion(self):
        for line in self:
            plan = line.commission_id
            line.exclusion = plan.is_plan and plan._exclusion(line.object_id)

    @api.depends(
        "object_id.price_subtotal",
        "object_id.commission_free",
        "commission_id",
        "base_amount",
        "exclusion",
    )
    def _compute_amount(self):
        plan_lines = self.filtered("commission_id.is_plan")
        result = super(AccountInvoiceLineAgent, self - plan_lines)._compute_amount()
        for line in plan_lines:
            if line.object_id.commission_free or line.exclusion:
                line.amount = 0.0
                continue
            base = line.base_amount
            amount = line.commission_id._plan_amount(abs(base))
            line.amount = line.currency_id.round(math.copysign(amount, base))
        return result

    def _compute_commission_id(self):
        result = super()._compute_commission_id()
        self._assign_plan()
        return result

    def _assign_plan(self):
        """The plan in force on the invoice date, for lines not settled yet."""
        for line in self.filtered(lambda line: not line.settled):
            user = line.agent_id.with_context(active_test=False).user_ids[:1]
            date = line.invoice_id.invoice_date or fields.Date.context_today(line)
            plan = self.env["commission"]._plan_for(
                user, date, line.invoice_id.company_id, line.invoice_id.team_id
            )
            if plan and line.commission_id != plan:
                line.commission_id = plan

    def _line_cost(self):
        """The invoice line's cost in the company's currency: the cost kept on its
        order line (sale_margin; a freight quotation's buy rates), else the
        product's."""
        self.ensure_one()
        inv_line = self.object_id
        company = inv_line.company_id
        sale_line = inv_line.sale_line_ids[:1]
        if not sale_line:
            return inv_line.product_id.standard_price * abs(inv_line.quantity)
        cost = sale_line.purchase_price * abs(inv_line.quantity)
        if sale_line.currency_id == company.currency_id:
            return cost
        if sale_line.currency_id == inv_line.currency_id and inv_line.amount_currency:
            # the invoice's own rate, as its balance was converted
            return cost * abs(inv_line.balance / inv_line.amount_currency)
        return sale_line.currency_id._convert(
            cost,
            company.currency_id,
            company,
            inv_line.move_id.invoice_date or fields.Date.context_today(self),
        )

    def _skip_settlement(self):
        """A credit note takes back its commission once posted, paid back or not."""
        self.ensure_one()
        move = self.invoice_id
        if (
            self.commission_id.is_plan
            and move.move_type == "out_refund"
            and move.state == "posted"
        ):
            return False
        return super()._skip_settlement()
