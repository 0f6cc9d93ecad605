from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import FIGURE_GROUPS

# Written only by marketing managers (checked in create/write: they stay readable).
MANAGER_FIELDS = ("budget",)


class UtmCampaign(models.Model):
    _name = "utm.campaign"
    _inherit = ["utm.campaign", "mail.thread", "mail.activity.mixin"]
    _check_company_auto = True

    # Plan and organisation
    goal = fields.Text(
        help="What the campaign must bring: e.g. 20 new shippers on Cát Lái → Busan."
    )
    plan_id = fields.Many2one(
        "crm.marketing.plan",
        string="Market Plan",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    channel_ids = fields.Many2many("crm.marketing.channel", string="Channels")
    # Money
    budget = fields.Monetary(groups=FIGURE_GROUPS, tracking=True)
    cost_ids = fields.One2many(
        "crm.marketing.cost", "campaign_id", string="Costs", groups=FIGURE_GROUPS
    )
    # Material for sales and service
    material_ids = fields.Many2many(
        "ir.attachment",
        help="Brochures, rate flyers and presentations salespeople and service agents "
        "open from the campaign and from the customer.",
    )
    # Results (crm.marketing.report: one grouped read for the whole recordset)
    marketing_lead_count = fields.Integer(string="Leads", compute="_compute_results")
    marketing_opportunity_count = fields.Integer(
        string="Opportunities", compute="_compute_results"
    )
    marketing_won_count = fields.Integer(string="Won", compute="_compute_results")
    marketing_task_count = fields.Integer(string="Tasks", compute="_compute_results")
    marketing_task_done_count = fields.Integer(
        string="Tasks Done", compute="_compute_results"
    )
    won_revenue = fields.Monetary(compute="_compute_results", groups=FIGURE_GROUPS)
    cost_total = fields.Monetary(
        string="Cost", compute="_compute_results", groups=FIGURE_GROUPS
    )
    cost_per_lead = fields.Monetary(compute="_compute_results", groups=FIGURE_GROUPS)
    roi = fields.Float(
        string="ROI",
        compute="_compute_results",
        groups=FIGURE_GROUPS,
        help="(Won revenue - cost) / cost.",
    )

    @api.depends("company_id")
    def _compute_currency_id(self):
        for campaign in self:
            campaign.currency_id = (
                campaign.company_id.currency_id or self.env.company.currency_id
            )

    def _compute_results(self):
        figures = self.env["crm.marketing.report"]._campaign_figures(self)
        for campaign in self:
            values = figures.get(campaign.id, {})
            campaign.marketing_lead_count = values.get("lead_count", 0)
            campaign.marketing_opportunity_count = values.get("opportunity_count", 0)
            campaign.marketing_won_count = values.get("won_count", 0)
            campaign.marketing_task_count = values.get("task_count", 0)
            campaign.marketing_task_done_count = values.get("task_done_count", 0)
            won, cost = values.get("won_revenue", 0.0), values.get("cost", 0.0)
            leads = values.get("lead_count", 0)
            campaign.won_revenue = won
            campaign.cost_total = cost
            campaign.cost_per_lead = cost / leads if leads else 0.0
            campaign.roi = (won - cost) / cost if cost else 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            if (
                campaign.date_start
                and campaign.date_end
                and campaign.date_end < campaign.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The campaign %(name)s cannot end before it starts.",
                        name=campaign.title,
                    )
                )

    @api.constrains("budget")
    def _check_budget(self):
        for campaign in self.sudo():  # budget is group-restricted; the check is for all
            if campaign.budget < 0:
                raise ValidationError(
                    self.env._(
                        "The budget of campaign %(name)s cannot be negative.",
                        name=campaign.title,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state", "draft") != "draft" for vals in vals_list):
            self._refuse_state_write()
        if any(vals.get(name) for vals in vals_list for name in MANAGER_FIELDS):
            self._check_manager_fields()
        campaigns = super().create(vals_list)
        campaigns._fix_material_ownership()
        return campaigns

    def write(self, vals):
        if "state" in vals and not self.env.context.get("crm_marketing_state_action"):
            self._refuse_state_write()
        if any(name in vals for name in MANAGER_FIELDS):
            self._check_manager_fields()
        result = super().write(vals)
        if "material_ids" in vals:
            self._fix_material_ownership()
        return result

    def _fix_material_ownership(self):
        """Uploaded material belongs to its campaign (as mail.template's attachments
        do): whoever may read the campaign may then open it."""
        for campaign in self:
            campaign.material_ids.filtered(lambda att: not att.res_id).write(
                {"res_model": self._name, "res_id": campaign.id}
            )

    def _refuse_state_write(self):
        raise UserError(
            self.env._(
                "A campaign's status changes only through its buttons (Start, Mark as "
                "Done, Cancel, Set to Draft), which check it may."
            )
        )

    def _check_manager_fields(self):
        if self.env.su or self.env.user.has_group(
            "crm_marketing.group_marketing_manager"
        ):
            return
        raise AccessError(
            self.env._("Only marketing managers may set a campaign's budget.")
        )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_start(self):
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft campaign can start: %(name)s is not a draft.",
                        name=campaign.title,
                    )
                )
            if not campaign.date_start:
                raise UserError(
                    self.env._(
                        "Give the campaign %(name)s a start date before starting it.",
                        name=campaign.title,
                    )
                )
            campaign._check_can_start()
        self._set_state("running")
        for campaign in self:
            campaign._on_start()
        return True

    def _check_can_start(self):
        """Hook: what must be true for the campaign to start."""
        self.ensure_one()

    def _on_start(self):
        """Hook: what starting the campaign does (freezes its targets...)."""
        self.ensure_one()

    def _set_state(self, state):
        """The only way the state changes: through the actions that check it."""
        self.with_context(crm_marketing_state_action=True).write({"state": state})

    def action_done(self):
        if self.filtered(lambda campaign: campaign.state != "running"):
            raise UserError(self.env._("Only a running campaign can be marked done."))
        self._set_state("done")
        return True

    def action_cancel(self):
        if self.filtered(lambda campaign: campaign.state in ("done", "cancel")):
            raise UserError(
                self.env._("A done or cancelled campaign cannot be cancelled.")
            )
        self._set_state("cancel")
        return True

    def action_draft(self):
        if self.filtered(lambda campaign: campaign.state != "cancel"):
            raise UserError(
                self.env._("Only a cancelled campaign can be set back to draft.")
            )
        self._set_state("draft")
        return True

    def action_view_costs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_marketing.crm_marketing_cost_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
