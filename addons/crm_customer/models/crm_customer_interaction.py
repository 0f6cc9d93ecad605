from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCustomerInteraction(models.Model):
    _name = "crm.customer.interaction"
    _description = "Customer Interaction"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Summary", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_customer_file', '=', True)]",
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Customer Contact",
        index="btree_not_null",
        check_company=True,
        domain="[('parent_id', '=', partner_id), ('is_customer_file', '=', False)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    type_id = fields.Many2one(
        "crm.customer.interaction.type", required=True, index=True
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now, index=True
    )
    date_end = fields.Datetime(string="End")
    state = fields.Selection(
        string="Status",
        selection=[
            ("planned", "Planned"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="planned",
        required=True,
        index=True,
        tracking=True,
    )
    description = fields.Html(string="Details")
    result = fields.Text()
    next_date = fields.Date(
        string="Next Step",
        help="Date of the next step: the salesperson gets a follow-up activity for it.",
    )
    next_activity_id = fields.Many2one("mail.activity", copy=False, readonly=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    # phone calls (types flagged as calls)
    is_call = fields.Boolean(related="type_id.is_call")
    call_direction = fields.Selection(
        [("in", "Incoming"), ("out", "Outgoing")],
        string="Direction",
        default="out",
    )
    phone_number = fields.Char(
        compute="_compute_phone_number",
        store=True,
        readonly=False,
        precompute=True,
    )
    call_duration = fields.Float(
        string="Duration",
        help="Length of the call, in hours and minutes.",
        aggregator="sum",
    )
    call_result = fields.Selection(
        [
            ("reached", "Reached"),
            ("no_answer", "No Answer"),
            ("busy", "Busy"),
            ("voicemail", "Voicemail"),
            ("wrong_number", "Wrong Number"),
        ],
        index="btree_not_null",
    )

    @api.depends("contact_id", "partner_id")
    def _compute_phone_number(self):
        for interaction in self:
            person = interaction.contact_id or interaction.partner_id
            interaction.phone_number = (
                person.phone or person.mobile or interaction.phone_number
            )

    @api.constrains("call_duration")
    def _check_call_duration(self):
        for interaction in self:
            if interaction.call_duration < 0:
                raise ValidationError(
                    self.env._(
                        "The call %(name)s cannot last a negative time.",
                        name=interaction.name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for interaction in self:
            if interaction.date_end and interaction.date_end < interaction.date_start:
                raise ValidationError(
                    self.env._(
                        "The interaction %(name)s ends before it starts.",
                        name=interaction.name,
                    )
                )

    @api.constrains("contact_id", "partner_id")
    def _check_contact_id(self):
        for interaction in self:
            contact = interaction.contact_id
            if contact and contact.commercial_partner_id != interaction.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=contact.display_name,
                        customer=interaction.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions.filtered("next_date")._schedule_next_step()
        return interactions

    def write(self, vals):
        result = super().write(vals)
        if {"next_date", "user_id"} & vals.keys():
            self.filtered("next_date")._schedule_next_step()
        return result

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_plan(self):
        self.write({"state": "planned"})

    def _schedule_next_step(self):
        """One follow-up activity per interaction, moved when the next step date or the
        salesperson changes."""
        for interaction in self:
            activity = interaction.next_activity_id
            if activity.exists():
                activity.write(
                    {
                        "date_deadline": interaction.next_date,
                        "user_id": interaction.user_id.id,
                    }
                )
                continue
            interaction.next_activity_id = interaction.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=interaction.next_date,
                summary=self.env._("Next step: %(name)s", name=interaction.name),
                user_id=interaction.user_id.id,
            )
