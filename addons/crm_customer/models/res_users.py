from odoo import api, fields, models
from odoo.tools.misc import (
    babel_locale_parse,
    format_date,
    format_datetime,
    get_lang,
    posix_to_ldml,
)


class ResUsers(models.Model):
    _inherit = "res.users"

    # The records a team leader or a branch manager sees: those of the users of
    # their sales teams (and, for a branch, of all the teams under them). Read by
    # the suite's record rules as ``user.crm_scope_*_ids.ids`` (attribute reads,
    # which field groups do not restrict: only settings users see them in a form).
    crm_scope_team_ids = fields.Many2many(
        "crm.team",
        compute="_compute_crm_scope",
        groups="base.group_system",
        string="Teams in Scope",
        help="The sales teams the user belongs to or leads.",
    )
    crm_scope_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_crm_scope",
        groups="base.group_system",
        string="Team Users in Scope",
        help="The members and leaders of the user's sales teams, the user included.",
    )
    crm_scope_tree_team_ids = fields.Many2many(
        "crm.team",
        compute="_compute_crm_scope",
        groups="base.group_system",
        string="Branch Teams in Scope",
        help="The user's sales teams and every team under them.",
    )
    crm_scope_tree_user_ids = fields.Many2many(
        "res.users",
        compute="_compute_crm_scope",
        groups="base.group_system",
        string="Branch Users in Scope",
        help="The members and leaders of the user's sales teams and of every team "
        "under them, the user included.",
    )

    @api.depends("crm_team_ids")
    def _compute_crm_scope(self):
        # sudo: a salesperson may not read every team's members; the scope is the
        # user's own, only ever read by their record rules
        Team = self.env["crm.team"].sudo().with_context(active_test=True)
        led = Team.search([("user_id", "in", self.ids)]).grouped("user_id")
        for user in self:
            teams = user.sudo().crm_team_ids | led.get(user, Team)
            tree = Team.search([("id", "child_of", teams.ids)]) if teams else Team
            user.crm_scope_team_ids = teams
            user.crm_scope_user_ids = user | teams._crm_scope_users()
            user.crm_scope_tree_team_ids = tree
            user.crm_scope_tree_user_ids = user | tree._crm_scope_users()

    def _crm_format_date(self, value, tz=None):
        """``value`` (a date, or a UTC datetime) as this user reads a date: in their
        language's date format (dd/mm/yyyy in Vietnamese) and, for a datetime, on
        the day it is in their time zone (or ``tz``)."""
        self.ensure_one()
        env = self.env(context=dict(self.env.context, tz=tz or self.tz or "UTC"))
        return format_date(env, value, lang_code=self.lang or None)

    def _crm_format_datetime(self, value, tz=None):
        """``value`` (a UTC datetime) as this user reads it: their time zone (or
        ``tz``, for a message many read, e.g. the company's), their language's date
        format and short time ("02/12/2026 18:00" in Vietnamese)."""
        self.ensure_one()
        if not value:
            return ""
        lang = get_lang(self.env, self.lang or None)
        locale = babel_locale_parse(lang.code)
        pattern = " ".join(
            posix_to_ldml(fmt, locale=locale)
            for fmt in (lang.date_format, lang.short_time_format)
        )
        return format_datetime(
            self.env,
            value,
            tz=tz or self.tz or "UTC",
            dt_format=pattern,
            lang_code=lang.code,
        )
