from odoo import api, models

SCOPE_FIELDS = [
    "crm_scope_team_ids",
    "crm_scope_user_ids",
    "crm_scope_tree_team_ids",
    "crm_scope_tree_user_ids",
]


class CrmTeamScopeMixin(models.AbstractModel):
    """Records that shape the users' team scopes (res.users ``crm_scope_*``),
    which the record rules read and cache per user: creating, deleting or changing
    ``_crm_scope_fields`` of one of them clears those caches."""

    _name = "crm.team.scope.mixin"
    _description = "Sales Team Scope Change"
    _crm_scope_fields = ()

    def _crm_scope_changed(self):
        self.env.registry.clear_cache()
        self.env["res.users"].invalidate_model(SCOPE_FIELDS)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._crm_scope_changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        if set(self._crm_scope_fields) & vals.keys():
            self._crm_scope_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._crm_scope_changed()
        return res


class CrmTeam(models.Model):
    _name = "crm.team"
    _inherit = ["crm.team", "crm.team.scope.mixin"]
    _crm_scope_fields = ("parent_id", "user_id", "member_ids", "active")

    def _crm_scope_users(self):
        """The members and leaders of these teams."""
        return self.sudo().member_ids | self.sudo().user_id

    def _crm_get_sales_managers(self, company):
        """Who decides for this team (approvals, escalations): the nearest leader up
        its tree (team › department › branch) who is a sales manager, else the sales
        managers of ``company``. A team leader without that right is skipped."""
        team = self[:1]
        while team:
            if team.user_id and team.user_id.has_group("sales_team.group_sale_manager"):
                return team.user_id
            team = team.parent_id
        return self.env.ref("sales_team.group_sale_manager").users.filtered(
            lambda user: company in user.company_ids
        )


class CrmTeamMember(models.Model):
    _name = "crm.team.member"
    _inherit = ["crm.team.member", "crm.team.scope.mixin"]
    _crm_scope_fields = ("user_id", "crm_team_id", "active")
