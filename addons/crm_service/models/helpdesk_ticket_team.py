from odoo import fields, models

from ..tools import plan_work_hours


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"
    # an agent takes new cases when at work within this many hours of their clock
    _AVAILABILITY_HOURS = 24

    assignment_method = fields.Selection(
        [
            ("manual", "Manual"),
            ("balanced", "Most Suitable Agent"),
            ("round_robin", "Round Robin"),
        ],
        required=True,
        default="balanced",
        help="How a new case without an agent is given to one of the team's "
        "available members with the skills it needs. Most Suitable Agent: the one "
        "with the lightest open workload. Round Robin: each in turn. Both fall back "
        "to the team leader.",
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

    def _get_available_agents(self, start):
        """Members who take new cases: the toggle is on and they work (their
        calendar, leaves and public holidays) in the day after the case's clock
        starts."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.user_ids.filtered(
            lambda user: (
                user.helpdesk_available
                and not user.share
                and user._helpdesk_works_within(
                    start, self._AVAILABILITY_HOURS, company
                )
            )
        ).sorted("id")

    def _get_open_workload(self, agents):
        """Open cases and their weight per agent (all teams): a very high priority
        case weighs 4, a low one 1."""
        workload = {agent: [0, 0] for agent in agents}
        for user, priority, count in self.env["helpdesk.ticket"]._read_group(
            [("user_id", "in", agents.ids), ("stage_id.closed", "=", False)],
            ["user_id", "priority"],
            ["__count"],
        ):
            workload[user][0] += count
            workload[user][1] += count * (int(priority or 0) + 1)
        return workload

    def _get_agent_for(self, ticket):
        """The agent a new case of this team goes to and why, as (user, reason):
        among the available members with the skills the case needs, the one with
        the lightest open workload (or the next in turn); the team leader when
        nobody fits."""
        self.ensure_one()
        if self.assignment_method == "manual":
            return self.env["res.users"], False
        # the case's clock starts at the next working moment of the company
        now = fields.Datetime.now()
        clock_start = plan_work_hours(ticket.company_id, now, 0) or now
        agents = self._get_available_agents(clock_start)
        # a kind of skill counts once a member declares skills of that kind
        kinds = set(agents.helpdesk_skill_ids.mapped("skill_type"))
        needs = {
            "category": bool(ticket.category_id),
            "product": bool(ticket.product_id),
            "language": bool(ticket.partner_id.lang),
        }
        required = {kind for kind, needed in needs.items() if needed and kind in kinds}
        matched = {}
        for agent in agents:
            skills = agent.helpdesk_skill_ids._matching(ticket)
            if required <= set(skills.mapped("skill_type")):
                matched[agent] = skills
        candidates = self.env["res.users"].union(*matched.keys())
        if not candidates:
            if not self.user_id:
                return self.user_id, self.env._(
                    "No available agent of %(team)s has the skills this case needs.",
                    team=self.display_name,
                )
            return self.user_id, self.env._(
                "No available agent of %(team)s has the skills this case needs: "
                "given to the team leader %(leader)s.",
                team=self.display_name,
                leader=self.user_id.display_name,
            )
        workload = self._get_open_workload(candidates)
        if self.assignment_method == "round_robin":
            last = (
                self.env["helpdesk.ticket"]
                .search(
                    [("team_id", "=", self.id), ("user_id", "in", candidates.ids)],
                    order="assigned_date desc, id desc",
                    limit=1,
                )
                .user_id
            )
            agent = candidates.filtered(lambda user: user.id > last.id)[:1]
            agent = agent or candidates[:1]
        else:
            agent = min(candidates, key=lambda user: (workload[user][1], user.id))
        skills = matched[agent]
        if skills:
            skills_text = self.env._(
                "skills %(names)s", names=", ".join(skills.mapped("display_name"))
            )
        else:
            skills_text = self.env._("no specific skill needed")
        return agent, self.env._(
            "Assigned to %(agent)s: %(skills)s, %(count)s open cases "
            "(weighted workload %(weight)s).",
            agent=agent.display_name,
            skills=skills_text,
            count=workload[agent][0],
            weight=workload[agent][1],
        )
