from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import count_work_hours, plan_work_hours

COVERED = ("covered", "warranty")  # what a team accepting covered cases only lets in


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "crm.service.cross.sell.mixin"]

    # what the case is about
    product_id = fields.Many2one("product.product", index="btree_not_null")
    origin_reference = fields.Char(
        string="Order / Shipment",
        help="Reference of the sales order, delivery or shipment the case is about.",
    )
    service_hours = fields.Float(
        string="Hours Spent",
        help="Working time spent on the case, consumed from an hours-based contract.",
    )
    # defect and repair
    lot_serial = fields.Char(string="Serial / Lot Number")
    defect_type_id = fields.Many2one("crm.service.defect.type", index="btree_not_null")
    repair_note = fields.Html(string="Repair Done")
    # answer and knowledge
    solution = fields.Html(
        string="Answer", help="How the case was solved; can become an article."
    )
    article_ids = fields.Many2many(
        "crm.service.article",
        relation="crm_service_article_ticket_rel",
        column1="ticket_id",
        column2="article_id",
        string="Articles",
    )
    # service level
    opened_date = fields.Datetime(
        string="Opened On", default=fields.Datetime.now, readonly=True, copy=False
    )
    sla_id = fields.Many2one(
        "crm.service.sla",
        string="SLA",
        compute="_compute_sla_id",
        store=True,
        index="btree_not_null",
    )
    response_deadline = fields.Datetime(
        string="First Response Deadline",
        compute="_compute_deadlines",
        store=True,
        copy=False,
    )
    resolve_deadline = fields.Datetime(
        string="Resolution Deadline",
        compute="_compute_deadlines",
        store=True,
        readonly=False,
        copy=False,
        tracking=True,
    )
    first_response_date = fields.Datetime(readonly=True, copy=False)
    sla_hours_left = fields.Float(
        string="Time Left",
        compute="_compute_sla_hours_left",
        help="Working hours left before the next deadline (first response, then "
        "resolution); negative once it has passed.",
    )
    # an open case's flag is also refreshed by the escalation job, as time passes
    sla_response_breached = fields.Boolean(
        string="First Response Late",
        compute="_compute_sla_breached",
        store=True,
        copy=False,
    )
    sla_resolve_breached = fields.Boolean(
        string="Resolution Late",
        compute="_compute_sla_breached",
        store=True,
        copy=False,
    )
    response_work_hours = fields.Float(
        string="First Response Time (Working Hours)",
        compute="_compute_response_work_hours",
        store=True,
        copy=False,
        aggregator="avg",
    )
    resolve_work_hours = fields.Float(
        string="Resolution Time (Working Hours)",
        compute="_compute_resolve_work_hours",
        store=True,
        copy=False,
        aggregator="avg",
    )
    sla_response_escalated = fields.Boolean(readonly=True, copy=False)
    sla_resolve_escalated = fields.Boolean(readonly=True, copy=False)
    # service contract
    contract_id = fields.Many2one(
        "crm.service.contract",
        string="Service Contract",
        compute="_compute_contract_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    contract_coverage = fields.Selection(
        [
            ("covered", "Covered"),
            ("warranty", "Under Warranty"),
            ("exhausted", "Contract Used Up"),
            ("not_covered", "Not Covered"),
        ],
        string="Coverage",
        compute="_compute_contract_coverage",
        store=True,
        copy=False,
        help="Whether the goods of the case were under warranty the day it was "
        "opened, else whether its contract still had a balance for it, counting "
        "the contract's cases opened before it.",
    )
    contract_policy = fields.Selection(related="team_id.contract_policy")
    # calls about the case (customer interactions)
    interaction_ids = fields.One2many(
        "crm.customer.interaction", "ticket_id", string="Calls"
    )
    interaction_count = fields.Integer(
        string="Call Count", compute="_compute_interaction_count"
    )
    # routing
    assignment_reason = fields.Char(
        string="Routing",
        readonly=True,
        copy=False,
        help="Why the routing gave the case to its agent.",
    )

    @api.depends("user_id", "category_id")
    def _compute_team_id(self):
        # the one routing rule from category to team: a case without a team goes to
        # its category's team, else (helpdesk_mgmt) to its agent's first team
        for ticket in self:
            if not ticket.team_id and ticket.category_id.team_id:
                ticket.team_id = ticket.category_id.team_id
        return super()._compute_team_id()

    @api.depends("interaction_ids")
    def _compute_interaction_count(self):
        counts = dict(
            self.env["crm.customer.interaction"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.interaction_count = counts.get(ticket._origin, 0)

    @api.depends(
        "team_id", "category_id", "priority", "contract_coverage", "company_id"
    )
    def _compute_sla_id(self):
        for ticket in self:
            ticket.sla_id = self.env["crm.service.sla"]._find_for_ticket(ticket)

    @api.depends("sla_id", "opened_date", "company_id")
    def _compute_deadlines(self):
        for ticket in self:
            start = ticket.opened_date or fields.Datetime.now()
            sla = ticket.sla_id
            ticket.response_deadline = (
                plan_work_hours(ticket.company_id, start, sla.response_hours)
                if sla.response_hours
                else False
            )
            ticket.resolve_deadline = (
                plan_work_hours(ticket.company_id, start, sla.resolve_hours)
                if sla.resolve_hours
                else False
            )

    @api.depends("response_deadline", "resolve_deadline", "first_response_date")
    def _compute_sla_hours_left(self):
        now = fields.Datetime.now()
        for ticket in self:
            deadline = (
                ticket.response_deadline
                if not ticket.first_response_date
                else ticket.resolve_deadline
            )
            company = ticket.company_id
            if not deadline or ticket.closed:
                ticket.sla_hours_left = 0.0
            elif deadline >= now:
                ticket.sla_hours_left = count_work_hours(company, now, deadline)
            else:
                ticket.sla_hours_left = -count_work_hours(company, deadline, now)

    @api.depends(
        "response_deadline",
        "resolve_deadline",
        "first_response_date",
        "closed_date",
        "stage_id.closed",
    )
    def _compute_sla_breached(self):
        now = fields.Datetime.now()
        for ticket in self:
            answered = ticket.first_response_date or now
            solved = (ticket.stage_id.closed and ticket.closed_date) or now
            ticket.sla_response_breached = bool(
                ticket.response_deadline and answered > ticket.response_deadline
            )
            ticket.sla_resolve_breached = bool(
                ticket.resolve_deadline and solved > ticket.resolve_deadline
            )

    @api.depends("opened_date", "first_response_date", "company_id")
    def _compute_response_work_hours(self):
        for ticket in self:
            start = ticket.opened_date or ticket.create_date
            ticket.response_work_hours = (
                ticket.first_response_date
                and start
                and count_work_hours(
                    ticket.company_id, start, ticket.first_response_date
                )
            )

    @api.depends("opened_date", "closed_date", "stage_id.closed", "company_id")
    def _compute_resolve_work_hours(self):
        for ticket in self:
            start = ticket.opened_date or ticket.create_date
            ticket.resolve_work_hours = (
                ticket.stage_id.closed
                and ticket.closed_date
                and start
                and count_work_hours(ticket.company_id, start, ticket.closed_date)
            )

    @api.depends(
        "partner_id.commercial_partner_id",
        "category_id",
        "product_id",
        "company_id",
        "opened_date",
    )
    def _compute_contract_id(self):
        # decided when the case comes in or its scope changes; an agent may pick
        # another contract of the customer by hand
        for ticket in self:
            ticket.contract_id = ticket._get_covering_contract()

    @api.depends("contract_id", "opened_date")
    def _compute_contract_coverage(self):
        for ticket in self:
            contract = ticket.contract_id
            if ticket._is_under_warranty():
                ticket.contract_coverage = "warranty"
            elif not contract:
                ticket.contract_coverage = "not_covered"
            elif contract._has_balance_before(ticket):
                ticket.contract_coverage = "covered"
            else:
                ticket.contract_coverage = "exhausted"

    @api.constrains("resolve_deadline", "opened_date")
    def _check_resolve_deadline(self):
        for ticket in self:
            if (
                ticket.resolve_deadline
                and ticket.opened_date
                and ticket.resolve_deadline < ticket.opened_date
            ):
                raise ValidationError(
                    self.env._(
                        "The resolution deadline of %(case)s cannot be before the "
                        "case was opened.",
                        case=ticket.display_name,
                    )
                )

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        # helpdesk_mgmt's "assign to the creator" only holds for a known team that
        # assigns by hand: otherwise the team's routing picks the agent at creation
        team = self.env["helpdesk.ticket.team"].browse(defaults.get("team_id"))
        if defaults.get("user_id") and team.assignment_method != "manual":
            defaults.pop("user_id")
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        Team = self.env["helpdesk.ticket.team"]
        # helpdesk_mgmt copies the contact's name and email in its form only
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        # iterated, the partners share one prefetch: one read for all
        by_id = dict(zip(partners.ids, partners, strict=True))
        for vals in vals_list:
            partner = by_id.get(vals.get("partner_id"))
            if partner and not vals.keys() & {"partner_name", "partner_email"}:
                vals.update(partner_name=partner.name, partner_email=partner.email)
            # the team's routing, not helpdesk_mgmt's "assign to the creator"
            # default, picks the agent of a case given to nobody
            team = Team.browse(vals.get("team_id"))
            if "user_id" not in vals and team.assignment_method not in (
                False,
                "manual",
            ):
                vals["user_id"] = False
        tickets = super().create(vals_list)
        for ticket, vals in zip(tickets, vals_list, strict=True):
            if ticket.team_id and "team_id" not in vals:
                # the team came from the category (compute): mail only subscribes the
                # team's followers and sends the first stage's template for created
                # values, so do both as for a case created with its team
                ticket._message_auto_subscribe({"team_id": ticket.team_id.id})
                if "stage_id" not in vals:
                    ticket._message_track_post_template(["stage_id"])
        # coverage is a fact of the moment the case comes in (counting the cases
        # before it, in creation order): decide it now, not at the next flush
        tickets.flush_recordset(["contract_id", "contract_coverage"])
        blocked = tickets.filtered(
            lambda t: (
                t.team_id.contract_policy == "block"
                and t.contract_coverage not in COVERED
            )
        )
        if blocked:
            raise ValidationError(
                self.env._(
                    "No running service contract of %(customer)s covers the case "
                    "%(case)s: the team %(team)s only accepts covered cases.",
                    customer=blocked[0].commercial_partner_id.display_name
                    or self.env._("(no customer)"),
                    case=blocked[0].name,
                    team=blocked[0].team_id.display_name,
                )
            )
        tickets.filtered(lambda t: t.team_id and not t.user_id)._assign_agent()
        return tickets

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
        )
        custom_values = dict(custom_values or {})
        if channel:
            custom_values.setdefault("channel_id", channel.id)
        return super().message_new(msg_dict, custom_values=custom_values)

    def _message_post_after_hook(self, message, msg_vals):
        # the first answer an agent sends to the customer ends the response SLA
        if (
            not self.first_response_date
            and message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids.filtered(lambda user: not user.share)
        ):
            self.first_response_date = fields.Datetime.now()
        return super()._message_post_after_hook(message, msg_vals)

    def action_create_article(self):
        """Turn the case's answer into a solution article linked to the case."""
        self.ensure_one()
        article = self.env["crm.service.article"].create(
            self.env["crm.service.article"]._prepare_values_from_ticket(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.service.article",
            "res_id": article.id,
            "view_mode": "form",
        }

    def action_find_articles(self):
        """Open the knowledge base on the case's category, to pick its articles."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_article_action"
        )
        action["context"] = {
            "search_default_category_ids": self.category_id.id,
            "crm_service_ticket_id": self.id,
        }
        return action

    def action_log_call(self):
        """Log a call about the case: a phone-call interaction of its customer."""
        self.ensure_one()
        call_type = self.env.ref("crm_customer.interaction_type_call")
        contact = self.partner_id if self.partner_id.parent_id else False
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Calls"),
            "res_model": "crm.customer.interaction",
            "view_mode": "list,form",
            "domain": [("ticket_id", "=", self.id)],
            "context": {
                "default_ticket_id": self.id,
                "default_partner_id": self.commercial_partner_id.id,
                "default_contact_id": contact and contact.id,
                "default_type_id": call_type.id,
                "default_call_direction": "in",
                "default_name": self.name,
            },
        }

    def _rating_get_parent_field_name(self):
        # ratings carry the team, to compare teams as well as agents
        return "team_id"

    def _assign_agent(self):
        """Give each case to its team's most suitable agent (`_get_agent_for`
        of the team); the agent and the reason are tracked in the chatter."""
        for ticket in self:
            agent, reason = ticket.team_id._get_agent_for(ticket)
            vals = {"assignment_reason": reason}
            if agent:
                vals["user_id"] = agent.id
            ticket.write(vals)
            # the case is new: field tracking is off until the end of the request
            ticket._message_log(body=reason)

    # ------------------------------------------------------------
    # Coverage (hooks: crm_service_stock takes them from the goods)
    # ------------------------------------------------------------

    def _get_coverage_date(self):
        """The day the case was opened where the company works, not in UTC."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return fields.Date.context_today(
            self.with_context(tz=company._crm_tz()),
            timestamp=self.opened_date or fields.Datetime.now(),
        )

    def _get_covering_contract(self):
        """The customer's running contract whose scope includes the case."""
        return self.env["crm.service.contract"]._find_for_ticket(self)

    def _is_under_warranty(self):
        """Whether the case's goods are under warranty (crm_service_stock)."""
        return False

    # ------------------------------------------------------------
    # SLA
    # ------------------------------------------------------------

    def _get_sla_escalation_domain(self):
        now = fields.Datetime.now()
        return [
            ("stage_id.closed", "=", False),
            "|",
            "&",
            "&",
            ("sla_response_escalated", "=", False),
            ("first_response_date", "=", False),
            ("response_deadline", "<", now),
            "&",
            ("sla_resolve_escalated", "=", False),
            ("resolve_deadline", "<", now),
        ]

    @api.model
    def _cron_escalate_sla_breaches(self):
        """Flag the open cases past a deadline and give their team leader one
        to-do per breached deadline; running it again adds nothing."""
        tickets = self.search(self._get_sla_escalation_domain())
        # the deadline passed while the case stayed open: nothing changed on it
        for fname in ("sla_response_breached", "sla_resolve_breached"):
            self.env.add_to_compute(self._fields[fname], tickets)
        for ticket in tickets:
            vals = {}
            if ticket.sla_response_breached and not ticket.sla_response_escalated:
                vals["sla_response_escalated"] = True
                ticket._schedule_sla_escalation(
                    self.env._("First response late: %(case)s", case=ticket.name)
                )
            if ticket.sla_resolve_breached and not ticket.sla_resolve_escalated:
                vals["sla_resolve_escalated"] = True
                ticket._schedule_sla_escalation(
                    self.env._("Resolution late: %(case)s", case=ticket.name)
                )
            if vals:
                ticket.write(vals)

    def _schedule_sla_escalation(self, summary):
        self.ensure_one()
        leader = self.team_id.user_id or self.user_id or self.env.user
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            user_id=leader.id,
        )
