import calendar
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]
QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class CrmSalesTarget(models.Model):
    """A sales plan line: what a salesperson, or a whole team, should achieve in a
    month or a quarter. Actual figures live in ``crm.sales.target.report``."""

    _name = "crm.sales.target"
    _description = "Sales Target"
    _inherit = ["mail.thread"]
    _order = "date_from desc, team_id, user_id"
    _check_company_auto = True

    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")],
        string="Period",
        required=True,
        default="month",
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(
        MONTHS, default=lambda self: str(fields.Date.context_today(self).month)
    )
    quarter = fields.Selection(
        QUARTERS,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, index=True
    )
    date_to = fields.Date(string="To", compute="_compute_dates", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Leave empty for a target of the whole sales team.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_revenue = fields.Monetary(string="Revenue Target", tracking=True)
    target_gross_profit = fields.Monetary(string="Gross Profit Target", tracking=True)
    target_new_customers = fields.Integer(string="New Customers Target", tracking=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "salesperson_period_unique",
            (
                "EXCLUDE USING btree (company_id WITH =, period_type WITH =, "
                "date_from WITH =, user_id WITH =) WHERE (user_id IS NOT NULL)"
            ),
            "This salesperson already has a target for this period.",
        ),
        (
            "team_period_unique",
            (
                "EXCLUDE USING btree (company_id WITH =, period_type WITH =, "
                "date_from WITH =, team_id WITH =) WHERE (user_id IS NULL)"
            ),
            "This sales team already has a target for this period.",
        ),
        (
            "targets_not_negative",
            (
                "CHECK(target_revenue >= 0 AND target_gross_profit >= 0 "
                "AND target_new_customers >= 0)"
            ),
            "Targets cannot be negative.",
        ),
    ]

    @api.depends("period_type", "year", "month", "quarter")
    def _compute_dates(self):
        for target in self:
            first_month = target._first_month()
            if not target.year or not first_month:
                target.date_from = target.date_to = False
                continue
            last_month = first_month + (2 if target.period_type == "quarter" else 0)
            target.date_from = date(target.year, first_month, 1)
            target.date_to = date(
                target.year,
                last_month,
                calendar.monthrange(target.year, last_month)[1],
            )

    @api.depends("user_id")
    def _compute_team_id(self):
        for target in self:
            if target.user_id:
                target.team_id = target.user_id.sale_team_id

    @api.depends("user_id", "team_id", "date_from", "period_type")
    def _compute_display_name(self):
        for target in self:
            owner = target.user_id.name or target.team_id.name or ""
            if target.period_type == "quarter" and target.quarter:
                period = f"Q{target.quarter}/{target.year}"
            elif target.date_from:
                period = target.date_from.strftime("%m/%Y")
            else:
                period = ""
            target.display_name = " - ".join(filter(None, [owner, period]))

    @api.constrains("period_type", "year", "month", "quarter", "user_id", "team_id")
    def _check_period_and_owner(self):
        for target in self:
            if not 2000 <= target.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=target.year)
                )
            if not target._first_month():
                raise ValidationError(
                    self.env._("Choose the month or the quarter of the target.")
                )
            if not target.user_id and not target.team_id:
                raise ValidationError(
                    self.env._("A target is for a salesperson or a sales team.")
                )

    def _first_month(self):
        if self.period_type == "quarter":
            return self.quarter and (int(self.quarter) - 1) * 3 + 1
        return self.month and int(self.month)
