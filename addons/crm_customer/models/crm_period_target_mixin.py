from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import MONTHS


class CrmPeriodTargetMixin(models.AbstractModel):
    """A target of a salesperson, or of a whole sales team, for a period of a year
    starting on ``date_from``: a sales target (crm_sales_pipeline), a collection
    target (crm_accounting_bridge).

    The inheriting model computes ``date_from`` from ``year`` and ``month`` (or its
    own period fields), declares ``month`` again with ``tools.MONTHS`` (Odoo gives a
    selection's values the xmlids, so the translations, of the module listing them),
    says what the target is in ``_owner_required_message`` and may name its period
    differently (``_period_label``); it refuses a second target of an owner and
    period and negative amounts its own way (a database exclusion, or a check). The
    model also inherits ``mail.thread`` for the tracked fields."""

    _name = "crm.period.target.mixin"
    _description = "Period Target"

    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        aggregator=False,
    )
    month = fields.Selection(
        MONTHS, default=lambda self: str(fields.Date.context_today(self).month)
    )
    date_from = fields.Date(string="From", index=True)
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
    note = fields.Text()

    @api.depends("user_id")
    def _compute_team_id(self):
        for target in self:
            if target.user_id:
                target.team_id = target.user_id.sale_team_id

    @api.depends("user_id", "team_id", "date_from")
    def _compute_display_name(self):
        for target in self:
            owner = target.user_id.name or target.team_id.name or ""
            target.display_name = " - ".join(
                filter(None, [owner, target._period_label()])
            )

    @api.constrains("year", "user_id", "team_id")
    def _check_owner_and_year(self):
        for target in self:
            if not 2000 <= target.year <= 2999:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=target.year)
                )
            if not target.user_id and not target.team_id:
                raise ValidationError(target._owner_required_message())

    def _period_label(self):
        """The period in the target's name: its month, "05/2026"."""
        self.ensure_one()
        return self.date_from.strftime("%m/%Y") if self.date_from else ""

    def _owner_required_message(self):
        return self.env._("A target is for a salesperson or a sales team.")
