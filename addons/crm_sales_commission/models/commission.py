import itertools

from odoo import api, fields, models
from odoo.exceptions import ValidationError


def _amount(value):
    """An amount of a message, with thousands separators: 500,000,000."""
    return format(value, ",.0f")


class Commission(models.Model):
    """A commission plan is an OCA commission type given to one salesperson or one
    sales team over a period; commission types without either stay OCA's own."""

    _inherit = "commission"
    _check_company_auto = True

    # Whom the plan pays, and when
    plan_user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index="btree_not_null",
        domain="[('share', '=', False)]",
        help="The salesperson this plan pays. Leave empty for a plan of a sales team.",
    )
    plan_team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        check_company=True,
        help="The plan pays every member of this team who has no plan of their own.",
    )
    date_start = fields.Date(string="Valid From")
    date_end = fields.Date(string="Valid Until", help="Empty: until further notice.")
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    is_plan = fields.Boolean(
        string="Commission Plan", compute="_compute_is_plan", store=True
    )
    tier_scope = fields.Selection(
        [
            ("period", "Cumulative over the settlement period"),
            ("line", "Each invoice line on its own"),
        ],
        string="Tiers Apply To",
        default="period",
        required=True,
        help="Cumulative: the tiers apply to the whole base of the settlement period "
        "(3 % on the first 500,000,000 of profit of the month, 5 % above). Each line: "
        "OCA's sections, the rate of the section the line's amount falls in.",
    )
    # New-customer bonus
    new_customer_bonus_type = fields.Selection(
        [("fixed", "Fixed amount"), ("percent", "Percentage of the first invoice")],
        string="New-Customer Bonus",
        help="Paid once, on its own settlement line, for the first invoice of a "
        "customer whose first invoice ever falls in the settlement period.",
    )
    new_customer_bonus = fields.Float(
        string="Bonus",
        digits=(16, 2),
        help="The bonus in the company's currency, or its percentage of the first "
        "invoice's commission base.",
    )
    # Exclusions: their lines earn nothing, and say why
    excluded_partner_ids = fields.Many2many(
        "res.partner",
        "commission_excluded_partner_rel",
        string="Excluded Customers",
        domain="[('is_company', '=', True)]",
        help="Invoices of these customers (and their contacts) earn no commission.",
    )
    excluded_product_ids = fields.Many2many(
        "product.product",
        "commission_excluded_product_rel",
        string="Excluded Products",
        help="Invoice lines of these products earn no commission.",
    )
    excluded_categ_ids = fields.Many2many(
        "product.category",
        "commission_excluded_categ_rel",
        string="Excluded Product Categories",
        help="Invoice lines of products in these categories (or their sub-categories) "
        "earn no commission.",
    )

    @api.depends("plan_user_id", "plan_team_id")
    def _compute_is_plan(self):
        for commission in self:
            commission.is_plan = bool(
                commission.plan_user_id or commission.plan_team_id
            )

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------

    @api.constrains("fix_qty", "section_ids", "new_customer_bonus")
    def _check_rates_not_negative(self):
        for commission in self:
            if commission.new_customer_bonus < 0:
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s: the new-customer bonus cannot be negative.",
                        name=commission.name,
                    )
                )
            if commission.fix_qty < 0 or any(
                section.percent < 0 for section in commission.section_ids
            ):
                raise ValidationError(
                    self.env._(
                        "Commission %(name)s: a rate cannot be negative.",
                        name=commission.name,
                    )
                )

    @api.constrains("commission_type", "section_ids", "tier_scope")
    def _check_tiers_in_order(self):
        for commission in self.filtered(lambda c: c.commission_type == "section"):
            sections = commission.section_ids.sorted("amount_from")
            cumulative = commission.tier_scope == "period"
            if cumulative and sections and sections[0].amount_from:
                raise ValidationError(
                    self.env._(
                        "Commission %(name)s: the first tier must start at 0.",
                        name=commission.name,
                    )
                )
            for previous, section in itertools.pairwise(sections):
                overlap = section.amount_from < previous.amount_to
                gap = cumulative and section.amount_from > previous.amount_to
                if overlap or gap:
                    start, end = section.amount_from, previous.amount_to
                    raise ValidationError(
                        self.env._(
                            "Commission %(name)s: the tiers are out of order: the tier "
                            "from %(start)s must start where the tier before it ends "
                            "(%(end)s).",
                            name=commission.name,
                            start=_amount(start),
                            end=_amount(end),
                        )
                    )

    @api.constrains("plan_user_id", "plan_team_id", "date_start", "date_end", "active")
    def _check_plan_period(self):
        for plan in self.filtered("is_plan"):
            if plan.plan_user_id and plan.plan_team_id:
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s: a plan pays one salesperson or one sales team, "
                        "not both.",
                        name=plan.name,
                    )
                )
            if not plan.date_start or (
                plan.date_end and plan.date_end < plan.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s: give the date it starts from, on or before the "
                        "date it ends.",
                        name=plan.name,
                    )
                )
            overlapping = plan._overlapping_plans()
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "Plan %(name)s overlaps plan %(other)s of the same "
                        "salesperson or team: one plan at a time.",
                        name=plan.name,
                        other=overlapping[0].name,
                    )
                )

    def _overlapping_plans(self):
        self.ensure_one()
        domain = [
            ("id", "!=", self.id),
            ("company_id", "=", self.company_id.id),
            ("plan_user_id", "=", self.plan_user_id.id),
            ("plan_team_id", "=", self.plan_team_id.id),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", self.date_start),
        ]
        if self.date_end:
            domain.append(("date_start", "<=", self.date_end))
        # the other plans of this salesperson may be in companies the manager is not in
        return self.sudo().search(domain, limit=1)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("plan_user_id") or vals.get("plan_team_id"):
                vals.setdefault("settlement_type", "sale_invoice")
        plans = super().create(vals_list)
        plans._make_salespeople_agents()
        return plans

    def write(self, vals):
        result = super().write(vals)
        if "plan_user_id" in vals or "plan_team_id" in vals:
            self._make_salespeople_agents()
        return result

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _plan_users(self):
        return self.plan_user_id | self.plan_team_id.crm_team_member_ids.user_id

    def _make_salespeople_agents(self):
        """The salespeople a plan pays become agents the way sale_commission_salesman
        wants them: their partner an agent, settled monthly, their own salesperson."""
        for plan in self.filtered("is_plan"):
            # the plan is the managers' (ACL): their partners may be beyond their rights
            partners = plan._plan_users().partner_id.sudo()
            for partner in partners:
                vals = {"agent": True, "salesman_as_agent": True}
                if not partner.commission_id.is_plan:
                    vals["commission_id"] = plan.id
                if not partner.agent:
                    vals["settlement"] = "monthly"
                partner.write(vals)

    @api.model
    def _plan_for(self, user, date, company, team=None):
        """The plan in force for ``user`` on ``date``: their own, else their team's."""
        if not user or not date:
            return self.browse()
        domain = [
            ("is_plan", "=", True),
            ("company_id", "in", [company.id, False]),
            ("date_start", "<=", date),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date),
        ]
        Plan = self.sudo().with_context(active_test=True)
        plan = Plan.search([*domain, ("plan_user_id", "=", user.id)], limit=1)
        if not plan:
            teams = team or user.crm_team_ids
            plan = Plan.search(
                [*domain, ("plan_team_id", "in", teams.ids)],
                order="date_start desc",
                limit=1,
            )
            if plan and user not in plan._plan_users():
                plan = Plan.browse()
        return plan

    def _tiered_amount(self, base):
        """Progressive tiers: each tier's rate on the part of ``base`` inside it."""
        self.ensure_one()
        amount = 0.0
        for section in self.section_ids.sorted("amount_from"):
            if base <= section.amount_from:
                break
            amount += (
                (min(base, section.amount_to) - section.amount_from)
                * section.percent
                / 100.0
            )
        return amount

    def _exclusion(self, invoice_line):
        """Why ``invoice_line`` earns nothing under this plan, or False."""
        self.ensure_one()
        customer = invoice_line.move_id.commercial_partner_id
        if customer in self.excluded_partner_ids.commercial_partner_id:
            return "customer"
        product = invoice_line.product_id
        if product and product in self.excluded_product_ids:
            return "product"
        if (
            product
            and self.excluded_categ_ids
            and (
                set(map(int, product.categ_id.parent_path.split("/")[:-1]))
                & set(self.excluded_categ_ids.ids)
            )
        ):
            return "category"
        return False

    def _bonus_amount(self, base):
        """The new-customer bonus of a first invoice whose base is ``base``."""
        self.ensure_one()
        if self.new_customer_bonus_type == "fixed":
            return self.new_customer_bonus
        if self.new_customer_bonus_type == "percent":
            return max(base, 0.0) * self.new_customer_bonus / 100.0
        return 0.0

    def _plan_amount(self, base):
        """The commission of a positive ``base`` on its own (one invoice line)."""
        self.ensure_one()
        if self.commission_type == "fixed":
            return base * self.fix_qty / 100.0
        if self.tier_scope == "period":
            return self._tiered_amount(base)
        return self.calculate_section(base)
