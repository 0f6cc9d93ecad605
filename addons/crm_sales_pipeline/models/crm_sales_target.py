import calendar
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_customer.tools import MONTHS

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class CrmSalesTarget(models.Model):
    """A sales plan line: what a salesperson, or a whole team, should achieve in a
    month or a quarter. Actual figures live in ``crm.sales.target.report``."""

    _name = "crm.sales.target"
    _description = "Sales Target"
    _inherit = ["mail.thread", "crm.period.target.mixin"]
    _order = "date_from desc, team_id, user_id"
    _check_company_auto = True

    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")],
        string="Period",
        required=True,
        default="month",
    )
    month = fields.Selection(MONTHS)
    quarter = fields.Selection(
        QUARTERS,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, index=True
    )
    date_to = fields.Date(string="To", compute="_compute_dates", store=True)
    target_revenue = fields.Monetary(string="Revenue Target", tracking=True)
    target_gross_profit = fields.Monetary(string="Gross Profit Target", tracking=True)
    target_new_customers = fields.Integer(string="New Customers Target", tracking=True)

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

    @api.depends("period_type", "quarter")
    def _compute_display_name(self):
        return super()._compute_display_name()

    @api.constrains("period_type", "month", "quarter")
    def _check_period(self):
        for target in self:
            if not target._first_month():
                raise ValidationError(
                    self.env._("Choose the month or the quarter of the target.")
                )

    def _period_label(self):
        if self.period_type == "quarter" and self.quarter:
            return f"Q{self.quarter}/{self.year}"
        return super()._period_label()

    def _first_month(self):
        if self.period_type == "quarter":
            return self.quarter and (int(self.quarter) - 1) * 3 + 1
        return self.month and int(self.month)
