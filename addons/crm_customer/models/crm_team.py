from odoo import api, models

SCOPE_FIELDS = [
    "crm_scope_team_ids",
    "crm_scope_user_ids",
    "crm_scope_tree_team_ids",
    "crm_scope_tree_user_ids",
]


def scope_changed(env):
    """Teams or members changed: the record rules read the users' team scopes
    (res.users ``crm_scope_*``), cached per user by the rules and by the ORM."""
    env.registry.clear_cache()
    env["res.users"].invalidate_model(SCOPE_FIELDS)


class CrmTeam(models.Model):
    _inherit = "crm.team"

    def _crm_scope_users(self):
        """The members and leaders of these teams."""
        return self.sudo().member_ids | self.sudo().user_id

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        scope_changed(self.env)
        return teams

    def write(self, vals):
        res = super().write(vals)
        if {"parent_id", "user_id", "member_ids", "active"} & set(vals):
            scope_changed(self.env)
        return res

    def unlink(self):
        res = super().unlink()
        scope_changed(self.env)
        return res


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        scope_changed(self.env)
        return members

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "crm_team_id", "active"} & set(vals):
            scope_changed(self.env)
        return res

    def unlink(self):
        res = super().unlink()
        scope_changed(self.env)
        return res
