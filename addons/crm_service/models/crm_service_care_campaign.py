from odoo import api, fields, models
from odoo.exceptions import UserError

CARE_TYPES = [
    ("call", "Phone Call"),
    ("letter", "Letter / Card"),
    ("gift", "Gift"),
    ("survey", "Survey"),
    ("visit", "Visit"),
]


class CrmServiceCareCampaign(models.Model):
    _name = "crm.service.care.campaign"
    _description = "Customer Care Campaign"
    _inherit = ["mail.thread", "crm.customer.audience.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        help="Gets the care actions of customers without a salesperson.",
    )
    care_type = fields.Selection(CARE_TYPES, required=True, default="call")
    date = fields.Date(
        string="Planned Date", required=True, default=fields.Date.context_today
    )
    # the audience's exclusions need a table of this model's own (audience mixin)
    excluded_partner_ids = fields.Many2many(
        relation="crm_service_care_campaign_excluded_partner_rel"
    )
    note = fields.Html(string="Instructions")
    state = fields.Selection(
        [("draft", "Draft"), ("scheduled", "Scheduled"), ("cancel", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
    )
    action_ids = fields.One2many(
        "crm.service.care.action", "campaign_id", string="Care Actions"
    )
    action_count = fields.Integer(compute="_compute_action_counts")
    done_count = fields.Integer(string="Done", compute="_compute_action_counts")

    @api.depends("action_ids.state")
    def _compute_action_counts(self):
        data = {
            (campaign, state): count
            for campaign, state, count in self.env[
                "crm.service.care.action"
            ]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id", "state"], ["__count"]
            )
        }
        for campaign in self:
            counts = {
                state: data.get((campaign._origin, state), 0)
                for state in ("planned", "done", "cancel")
            }
            campaign.action_count = sum(counts.values())
            campaign.done_count = counts["done"]

    def write(self, vals):
        if "date" in vals:
            self._check_schedulable()
        return super().write(vals)

    def action_schedule(self):
        """Plan one care action per selected customer, for the customer's
        salesperson, with a to-do in their activities. Customers already in the
        campaign are skipped, so it can be run again after widening the audience."""
        self.ensure_one()
        self._check_schedulable()
        self._check_audience_criteria()
        customers = self._get_audience_partners()
        customers -= self.action_ids.partner_id
        actions = self.env["crm.service.care.action"].create(
            [self._prepare_action_values(customer) for customer in customers]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for action in actions:
            action.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=action.date,
                summary=self.name,
                user_id=action.user_id.id,
            )
        self.state = "scheduled"
        return True

    def _check_schedulable(self):
        """The form hides the buttons of a cancelled campaign; RPC must be refused
        as well, or its customers get care actions nobody planned."""
        cancelled = self.filtered(lambda c: c.state == "cancel")
        if cancelled:
            raise UserError(
                self.env._(
                    "The care campaign %(names)s is cancelled: it can no longer be "
                    "scheduled or have its planned date changed.",
                    names=", ".join(cancelled.mapped("name")),
                )
            )

    def _prepare_action_values(self, customer):
        return {
            "campaign_id": self.id,
            "partner_id": customer.id,
            "user_id": (customer.user_id or self.user_id).id,
            "care_type": self.care_type,
            "date": self.date,
            "company_id": self.company_id.id,
        }

    def action_cancel(self):
        self.ensure_one()
        self.action_ids.filtered(lambda a: a.state == "planned").action_cancel()
        self.state = "cancel"

    def action_view_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_care_action_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
