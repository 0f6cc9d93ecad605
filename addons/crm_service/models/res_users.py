from datetime import timedelta

from pytz import utc

from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    helpdesk_available = fields.Boolean(
        string="Available for New Cases",
        default=True,
        help="Unavailable agents (on leave, on a site visit) get no new case from "
        "the automatic routing; their open cases stay with them.",
    )
    helpdesk_skill_ids = fields.One2many(
        "crm.service.agent.skill",
        "user_id",
        string="Service Skills",
        help="Case categories, products and languages the agent handles: the routing "
        "gives a new case to an available agent with the skills it needs.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # agents mark themselves unavailable from their preferences
        return super().SELF_WRITEABLE_FIELDS + ["helpdesk_available"]

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["helpdesk_available"]

    def _helpdesk_works_within(self, start, hours, company):
        """Whether the agent has working time (own calendar, own leaves and public
        holidays) in the `hours` after `start` (naive UTC)."""
        self.ensure_one()
        resource = self.resource_ids.filtered(
            lambda r: r.company_id in (company, r.company_id.browse())
        )[:1]
        calendar = resource.calendar_id or company.resource_calendar_id
        if not calendar:
            return True
        start = utc.localize(start)
        intervals = calendar._work_intervals_batch(
            start, start + timedelta(hours=hours), resources=resource or None
        )
        return bool(list(intervals[resource.id]))
