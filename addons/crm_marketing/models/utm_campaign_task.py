from datetime import timedelta
from itertools import cycle

from odoo import fields, models
from odoo.tools import plaintext2html

from odoo.addons.crm_customer.tools import local_day_start_utc

# a campaign task is planned at this local hour of the campaign's first day
TASK_HOUR = 8
OPEN_TASK_STATES = ("planned", "in_progress")


class UtmCampaign(models.Model):
    """Campaign calls and visits as tasks for the salespeople: at *Start*, one planned
    interaction per targeted customer, for the customer's salesperson (customers
    without one are dealt round the campaign's sales team)."""

    _inherit = "utm.campaign"

    task_type_id = fields.Many2one(
        "crm.customer.interaction.type",
        string="Task for Salespeople",
        help="When set, starting the campaign plans one interaction of this kind (a "
        "call, a visit...) per targeted customer, in the calendar of the customer's "
        "salesperson; customers without a salesperson are shared out among the "
        "members of the campaign's sales team, or go to its responsible.",
    )
    task_ids = fields.One2many(
        "crm.customer.interaction", "campaign_id", string="Salesperson Tasks"
    )
    # marketing_task_count / marketing_task_done_count: with the other results
    # (utm_campaign.py), from the same grouped read of crm.marketing.report

    def _prepare_target_values(self, partners):
        values = super()._prepare_target_values(partners)
        if self.task_type_id and partners:
            tasks = self._create_tasks(partners)
            for target_values, task in zip(values, tasks, strict=True):
                target_values["task_id"] = task.id
        return values

    def _create_tasks(self, partners):
        """One planned interaction per partner, in the partners' order, in one batch.

        sudo: the campaign's marketing staff plan work in the salespeople's log they
        may not write themselves; every value comes from the campaign and the
        customer file, nothing from the caller (tests: marketing users still cannot
        create, change or read other interactions)."""
        self.ensure_one()
        assignees = self._get_task_assignees(partners)
        date_start = self._get_task_datetime()
        description = plaintext2html(self.goal) if self.goal else False
        values = [
            {
                "name": self.title,
                "campaign_id": self.id,
                "partner_id": partner.id,
                "user_id": assignees[partner.id].id,
                "type_id": self.task_type_id.id,
                "date_start": date_start,
                "state": "planned",
                "description": description,
                "company_id": (partner.company_id or self.company_id).id,
            }
            for partner in partners
        ]
        return (
            self.env["crm.customer.interaction"]
            .sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
            .create(values)
        )

    def _get_task_assignees(self, partners):
        """{partner id: user}: the customer's salesperson, else the next member of
        the campaign's sales team in turn, else the campaign's responsible."""
        self.ensure_one()
        members = self.team_id.member_ids.filtered(lambda user: not user.share)
        dealer = cycle(members.sorted("id")) if members else None
        fallback = self.user_id or self.env.user
        assignees = {}
        for partner in partners:
            user = partner.user_id
            if not user or user.share:
                user = next(dealer) if dealer else fallback
            assignees[partner.id] = user
        return assignees

    def _get_task_datetime(self):
        """The campaign's first day at TASK_HOUR where its company works (now when
        the campaign starts later than that)."""
        tz_name = self.company_id._crm_tz() if self.company_id else "UTC"
        planned = local_day_start_utc(self.date_start, tz_name) + timedelta(
            hours=TASK_HOUR
        )
        return max(planned, fields.Datetime.now())

    def action_cancel(self):
        result = super().action_cancel()
        # sudo: as for planning them (_create_tasks), the campaign closes its own
        # tasks; done ones stay in the log
        self.sudo().task_ids.filtered(
            lambda task: task.state in OPEN_TASK_STATES
        ).action_cancel()
        return result

    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.crm_customer_interaction_action"
        )
        action["display_name"] = self.env._("Tasks of %(name)s", name=self.title)
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"create": False, "search_default_group_user": 1}
        return action
