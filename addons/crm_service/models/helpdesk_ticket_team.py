from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    assignment_method = fields.Selection(
        [
            ("manual", "Manual"),
            ("balanced", "Fewest Open Cases"),
            ("round_robin", "Round Robin"),
        ],
        required=True,
        default="balanced",
        help="How a new case without an agent is given to one of the team's "
        "available members.",
    )
    contract_policy = fields.Selection(
        [
            ("none", "Don't Check"),
            ("warn", "Warn"),
            ("block", "Block"),
        ],
        string="Service Contract Check",
        required=True,
        default="warn",
        help="Warn: the case shows whether the customer's service contract covers "
        "it. Block: a case the contracts do not cover cannot be created.",
    )

    def _get_available_agents(self):
        self.ensure_one()
        return self.user_ids.filtered(
            lambda user: user.helpdesk_available and not user.share
        ).sorted("id")

    def _get_next_agent(self):
        """The member a new case of this team goes to, or no user."""
        self.ensure_one()
        agents = self._get_available_agents()
        if not agents or self.assignment_method == "manual":
            return self.env["res.users"]
        Ticket = self.env["helpdesk.ticket"]
        if self.assignment_method == "round_robin":
            last = Ticket.search(
                [("team_id", "=", self.id), ("user_id", "in", agents.ids)],
                order="assigned_date desc, id desc",
                limit=1,
            ).user_id
            return agents.filtered(lambda user: user.id > last.id)[:1] or agents[:1]
        open_counts = dict(
            Ticket._read_group(
                [
                    ("team_id", "=", self.id),
                    ("user_id", "in", agents.ids),
                    ("stage_id.closed", "=", False),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        return min(agents, key=lambda user: (open_counts.get(user, 0), user.id))
