from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CLAIM_TYPES = [
    ("damage", "Damage"),
    ("shortage", "Shortage"),
    ("loss", "Loss"),
    ("delay", "Delay"),
    ("documents", "Documents"),
]
CLAIM_OUTCOMES = [
    ("paid", "Paid to Customer"),
    ("rejected", "Rejected"),
    ("recovered", "Recovered from Carrier"),
]


class HelpdeskTicket(models.Model):
    """A cargo claim is a service case with a claim type: the case keeps its team,
    agent, stages, SLA and chatter; the claim adds the shipment, the amounts and
    the deadlines."""

    _name = "helpdesk.ticket"
    # mail.activity.mixin comes with helpdesk.ticket, before the reminder mixin
    _inherit = ["helpdesk.ticket", "crm.deadline.reminder.mixin"]
    _deadline_reminder_date_field = "claim_next_deadline"
    _deadline_reminder_days_field = "claim_reminder_days"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    claim_type = fields.Selection(
        CLAIM_TYPES,
        index="btree_not_null",
        tracking=True,
        help="Set on cargo claims only: a case with a claim type is a claim.",
    )
    # the shipment
    claim_booking_id = fields.Many2one(
        "freight.booking.request",
        string="Booking / Job",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    claim_order_id = fields.Many2one(
        related="claim_booking_id.order_id",
        string="Sales Order",
        store=True,
        index="btree_not_null",
    )
    claim_carrier_id = fields.Many2one(
        "res.partner",
        string="Carrier",
        compute="_compute_claim_carrier_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        domain=[("is_carrier", "=", True)],
        help="Taken from the buy rates the booking's order was priced from.",
    )
    claim_origin_id = fields.Many2one(
        related="claim_booking_id.origin_location_id", string="Origin", store=True
    )
    claim_destination_id = fields.Many2one(
        related="claim_booking_id.destination_location_id",
        string="Destination",
        store=True,
    )
    claim_lane = fields.Char(
        string="Lane", compute="_compute_claim_lane", store=True, index="btree_not_null"
    )
    claim_weight = fields.Float(
        string="Cargo Weight (kg)",
        digits=(16, 2),
        compute="_compute_claim_weight",
        store=True,
        readonly=False,
        precompute=True,
        help="The gross weight of the claimed cargo; the booking's by default.",
    )
    # the incident and the claim
    claim_incident_date = fields.Date(string="Incident Date", tracking=True)
    claim_incident_place = fields.Char(string="Incident Place")
    claim_notice_date = fields.Date(
        string="Claim Received On",
        tracking=True,
        help="When the customer notified us of the claim.",
    )
    claim_delivery_date = fields.Date(
        string="Delivery Date",
        tracking=True,
        help="When the cargo was delivered, or should have been (lost or delayed "
        "cargo): the time bar runs from it.",
    )
    claim_currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.company.currency_id,
    )
    claim_amount = fields.Monetary(
        string="Amount Claimed", currency_field="claim_currency_id", tracking=True
    )
    # the claims report sums these, whatever the claims' currencies
    claim_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency", store=True
    )
    claim_amount_company = fields.Monetary(
        string="Amount Claimed (Company Currency)",
        currency_field="claim_company_currency_id",
        compute="_compute_claim_amounts_company",
        store=True,
        help="The amount claimed at the rate of the incident date, else of the day "
        "the claim was received.",
    )
    claim_evidence_ids = fields.Many2many(
        "ir.attachment",
        relation="helpdesk_ticket_claim_evidence_rel",
        column1="ticket_id",
        column2="attachment_id",
        string="Evidence",
        help="Photos, survey report, delivery receipt with reservations.",
    )
    # the carrier's liability
    claim_liability_per_kg = fields.Float(related="company_id.claim_liability_per_kg")
    claim_liability_currency_id = fields.Many2one(
        related="company_id.claim_liability_currency_id"
    )
    claim_liability_limit = fields.Monetary(
        string="Carrier Liability Limit",
        currency_field="claim_liability_currency_id",
        compute="_compute_claim_liability_limit",
        help="Cargo weight times the company's liability limit per kg: a reminder, "
        "the applicable convention or contract decides.",
    )
    # recovery from the carrier
    claim_carrier_notified_date = fields.Date(
        string="Carrier Notified On", tracking=True
    )
    claim_amount_recovered = fields.Monetary(
        string="Amount Recovered", currency_field="claim_currency_id", tracking=True
    )
    claim_amount_recovered_company = fields.Monetary(
        string="Amount Recovered (Company Currency)",
        currency_field="claim_company_currency_id",
        compute="_compute_claim_amounts_company",
        store=True,
        help="The amount recovered at the rate of the incident date, else of the "
        "day the claim was received.",
    )
    claim_outcome = fields.Selection(
        CLAIM_OUTCOMES, string="Outcome", tracking=True, index="btree_not_null"
    )
    # deadlines
    claim_notice_deadline = fields.Date(
        string="Notify Carrier By",
        compute="_compute_claim_deadlines",
        store=True,
        help="The incident date plus the company's claim notice days.",
    )
    claim_time_bar_date = fields.Date(
        string="Time Bar",
        compute="_compute_claim_deadlines",
        store=True,
        help="The delivery date (else the incident date) plus the company's time "
        "bar in months.",
    )
    claim_next_deadline = fields.Date(
        string="Next Claim Deadline",
        compute="_compute_claim_deadlines",
        store=True,
        index="btree_not_null",
        help="Until the carrier is notified, the notice deadline; then the time "
        "bar, until the claim has an outcome.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("claim_booking_id")
    def _compute_claim_carrier_id(self):
        for ticket in self.filtered("claim_booking_id"):
            # agents read bookings, not the order's priced lines: only the carrier
            # of the buy rates is taken from them (test_agent_reads_no_order_line)
            rates = ticket.claim_booking_id.order_id.sudo().order_line.freight_rate_id
            if rates:
                ticket.claim_carrier_id = rates.carrier_id[:1].id

    @api.depends("claim_origin_id", "claim_destination_id")
    def _compute_claim_lane(self):
        for ticket in self:
            codes = [
                location.code or location.name
                for location in (ticket.claim_origin_id, ticket.claim_destination_id)
                if location
            ]
            ticket.claim_lane = " → ".join(codes) if codes else False

    @api.depends("claim_booking_id")
    def _compute_claim_weight(self):
        for ticket in self.filtered("claim_booking_id"):
            ticket.claim_weight = ticket.claim_booking_id.gross_weight

    @api.depends(
        "claim_amount",
        "claim_amount_recovered",
        "claim_currency_id",
        "claim_incident_date",
        "claim_notice_date",
        "company_id.currency_id",
    )
    def _compute_claim_amounts_company(self):
        for ticket in self:
            company = ticket.company_id or self.env.company
            currency = ticket.claim_currency_id or company.currency_id
            day = (
                ticket.claim_incident_date
                or ticket.claim_notice_date
                or fields.Date.context_today(ticket)
            )
            ticket.claim_amount_company, ticket.claim_amount_recovered_company = (
                currency._convert(amount, company.currency_id, company, day)
                for amount in (ticket.claim_amount, ticket.claim_amount_recovered)
            )

    @api.depends("claim_weight", "claim_liability_per_kg")
    def _compute_claim_liability_limit(self):
        for ticket in self:
            ticket.claim_liability_limit = (
                ticket.claim_weight * ticket.claim_liability_per_kg
            )

    @api.depends(
        "claim_type",
        "claim_incident_date",
        "claim_delivery_date",
        "claim_carrier_notified_date",
        "claim_outcome",
        "company_id.claim_notice_days",
        "company_id.claim_time_bar_months",
    )
    def _compute_claim_deadlines(self):
        for ticket in self:
            incident = ticket.claim_type and ticket.claim_incident_date
            # the conventions count the time bar from the delivery, or the day the
            # cargo should have been delivered (lost or late cargo)
            barred_from = ticket.claim_type and (
                ticket.claim_delivery_date or ticket.claim_incident_date
            )
            company = ticket.company_id or self.env.company
            notice = incident and incident + relativedelta(
                days=company.claim_notice_days
            )
            time_bar = barred_from and barred_from + relativedelta(
                months=company.claim_time_bar_months
            )
            if ticket.claim_outcome:
                following = False
            elif not ticket.claim_carrier_notified_date:
                following = notice
            else:
                following = time_bar
            ticket.claim_notice_deadline = notice
            ticket.claim_time_bar_date = time_bar
            ticket.claim_next_deadline = following

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains(
        "claim_amount",
        "claim_amount_recovered",
        "claim_weight",
        "claim_incident_date",
        "claim_notice_date",
        "claim_carrier_notified_date",
    )
    def _check_claim(self):
        for ticket in self:
            if (
                ticket.claim_amount < 0
                or ticket.claim_amount_recovered < 0
                or ticket.claim_weight < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The amounts and the cargo weight of the claim %(case)s "
                        "cannot be negative.",
                        case=ticket.display_name,
                    )
                )
            if ticket.claim_amount_recovered > ticket.claim_amount:
                raise ValidationError(
                    self.env._(
                        "The claim %(case)s recovers %(recovered)s from the carrier, "
                        "more than the %(claimed)s claimed.",
                        case=ticket.display_name,
                        recovered=ticket.claim_amount_recovered,
                        claimed=ticket.claim_amount,
                    )
                )
            incident = ticket.claim_incident_date
            for later, label in (
                (ticket.claim_notice_date, self.env._("the claim was received")),
                (
                    ticket.claim_carrier_notified_date,
                    self.env._("the carrier was notified"),
                ),
            ):
                if incident and later and incident > later:
                    raise ValidationError(
                        self.env._(
                            "The incident of the claim %(case)s cannot happen after "
                            "%(event)s.",
                            case=ticket.display_name,
                            event=label,
                        )
                    )

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    @api.model
    def _get_deadline_reminder_domain(self):
        return [("claim_type", "!=", False), ("stage_id.closed", "=", False)]

    def _get_deadline_reminder_summary(self):
        self.ensure_one()
        if not self.claim_carrier_notified_date:
            return self.env._("Notify the carrier of the claim")
        return self.env._("Claim time bar")

    def _get_deadline_reminder_note(self, user):
        self.ensure_one()
        if not self.claim_carrier_notified_date:
            return self.env._(
                "%(case)s: notify the carrier by %(date)s.",
                case=self.display_name,
                date=user._crm_format_date(self.claim_next_deadline),
            )
        return self.env._(
            "%(case)s: settle or sue before the claim is time-barred on %(date)s.",
            case=self.display_name,
            date=user._crm_format_date(self.claim_next_deadline),
        )
