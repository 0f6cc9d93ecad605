from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount

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


class CrmCollectionTarget(models.Model):
    """What a salesperson, or a whole sales team, should collect in a month, in the
    company currency. What was expected and collected lives in
    ``crm.collection.report``."""

    _name = "crm.collection.target"
    _description = "Collection Target"
    _inherit = ["mail.thread"]
    _order = "date_from desc, team_id, user_id"
    _check_company_auto = True

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    month = fields.Selection(
        MONTHS,
        required=True,
        default=lambda self: str(fields.Date.context_today(self).month),
    )
    date_from = fields.Date(
        string="Period", compute="_compute_date_from", store=True, index=True
    )
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
    amount = fields.Monetary(string="Collection Target", required=True, tracking=True)
    note = fields.Text()

    @api.depends("year", "month")
    def _compute_date_from(self):
        for target in self:
            valid = target.month and 2000 <= target.year <= 2999
            target.date_from = valid and date(target.year, int(target.month), 1)

    @api.depends("user_id")
    def _compute_team_id(self):
        for target in self:
            if target.user_id:
                target.team_id = target.user_id.sale_team_id

    @api.depends("user_id", "team_id", "date_from")
    def _compute_display_name(self):
        for target in self:
            owner = target.user_id.name or target.team_id.name or ""
            period = target.date_from and target.date_from.strftime("%m/%Y")
            target.display_name = " - ".join(filter(None, [owner, period]))

    @api.constrains("year", "user_id", "team_id")
    def _check_owner_and_year(self):
        for target in self:
            if not 2000 <= target.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=target.year)
                )
            if not target.user_id and not target.team_id:
                raise ValidationError(
                    self.env._(
                        "A collection target is for a salesperson or a sales team."
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for target in self.filtered(lambda t: t.amount < 0):
            raise ValidationError(
                self.env._(
                    "The collection target of %(owner)s cannot be negative "
                    "(%(amount)s).",
                    owner=target.display_name,
                    amount=format_amount(self.env, target.amount, target.currency_id),
                )
            )

    @api.constrains("company_id", "date_from", "user_id", "team_id")
    def _check_one_target_a_month(self):
        for target in self.filtered("date_from"):
            domain = [
                ("id", "!=", target.id),
                ("company_id", "=", target.company_id.id),
                ("date_from", "=", target.date_from),
                ("user_id", "=", target.user_id.id),
            ]
            if not target.user_id:
                domain.append(("team_id", "=", target.team_id.id))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "%(owner)s already has a collection target for %(month)s.",
                        owner=target.user_id.name or target.team_id.name,
                        month=target.date_from.strftime("%m/%Y"),
                    )
                )
