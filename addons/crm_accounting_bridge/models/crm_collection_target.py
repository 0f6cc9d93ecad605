from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount

from odoo.addons.crm_customer.tools import MONTHS


class CrmCollectionTarget(models.Model):
    """What a salesperson, or a whole sales team, should collect in a month, in the
    company currency. What was expected and collected lives in
    ``crm.collection.report``."""

    _name = "crm.collection.target"
    _description = "Collection Target"
    _inherit = ["mail.thread", "crm.period.target.mixin"]
    _order = "date_from desc, team_id, user_id"
    _check_company_auto = True

    month = fields.Selection(MONTHS, required=True)
    date_from = fields.Date(
        string="Period", compute="_compute_date_from", store=True, index=True
    )
    amount = fields.Monetary(string="Collection Target", required=True, tracking=True)

    @api.depends("year", "month")
    def _compute_date_from(self):
        for target in self:
            valid = target.month and 2000 <= target.year <= 2999
            target.date_from = valid and date(target.year, int(target.month), 1)

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

    def _owner_required_message(self):
        return self.env._("A collection target is for a salesperson or a sales team.")
