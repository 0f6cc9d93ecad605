from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServiceSla(models.Model):
    _name = "crm.service.sla"
    _description = "Service Level Agreement"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    # which cases it applies to: an empty criterion matches every case
    team_id = fields.Many2one("helpdesk.ticket.team", check_company=True, index=True)
    category_id = fields.Many2one("helpdesk.ticket.category", check_company=True)
    priority = fields.Selection(
        selection=lambda self: (
            self.env["helpdesk.ticket"]
            ._fields["priority"]
            ._description_selection(self.env)
        ),
    )
    contract_coverage = fields.Selection(
        selection=lambda self: (
            self.env["helpdesk.ticket"]
            ._fields["contract_coverage"]
            ._description_selection(self.env)
        ),
        string="Coverage",
        help="Only for cases of this coverage, e.g. shorter targets for cases under "
        "contract or goods under warranty.",
    )
    # targets, in working hours of the company calendar
    response_hours = fields.Float(
        string="First Response (Working Hours)",
        default=4.0,
        help="Working hours from the opening of the case to the first answer "
        "sent to the customer.",
    )
    resolve_hours = fields.Float(
        string="Resolution (Working Hours)",
        default=24.0,
        help="Working hours from the opening of the case to its closing.",
    )

    @api.constrains("response_hours", "resolve_hours")
    def _check_hours(self):
        for sla in self:
            if sla.response_hours < 0 or sla.resolve_hours < 0:
                raise ValidationError(
                    self.env._(
                        "The SLA %(name)s cannot have negative hours.", name=sla.name
                    )
                )
            if sla.resolve_hours and sla.response_hours > sla.resolve_hours:
                raise ValidationError(
                    self.env._(
                        "In the SLA %(name)s, the first response cannot take longer "
                        "than the resolution.",
                        name=sla.name,
                    )
                )

    @api.model
    def _find_for_ticket(self, ticket):
        """The most specific SLA matching the case: team, then category, then
        priority, then coverage weigh in that order; the sequence breaks ties."""
        candidates = self.search(
            [
                ("company_id", "in", [ticket.company_id.id, False]),
                ("team_id", "in", [ticket.team_id.id, False]),
                ("category_id", "in", [ticket.category_id.id, False]),
                ("priority", "in", [ticket.priority, False]),
                ("contract_coverage", "in", [ticket.contract_coverage, False]),
            ]
        )
        if not candidates:
            return candidates
        return max(
            candidates,
            key=lambda sla: (
                bool(sla.team_id),
                bool(sla.category_id),
                bool(sla.priority),
                bool(sla.contract_coverage),
                -sla.sequence,
                -sla.id,
            ),
        )
