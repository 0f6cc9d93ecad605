from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServiceContract(models.Model):
    _name = "crm.service.contract"
    _description = "Service Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True, index="trigram")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End Date", tracking=True)
    # what is covered: empty means everything
    category_ids = fields.Many2many(
        "helpdesk.ticket.category", string="Covered Categories"
    )
    product_ids = fields.Many2many("product.product", string="Covered Products")
    # how much is included
    unit = fields.Selection(
        [("interventions", "Interventions"), ("hours", "Hours")],
        required=True,
        default="interventions",
    )
    quantity = fields.Float(
        string="Included",
        help="Interventions or hours included; 0 means no limit.",
        tracking=True,
    )
    consumed = fields.Float(compute="_compute_consumed")
    remaining = fields.Float(compute="_compute_consumed")
    ticket_ids = fields.One2many("helpdesk.ticket", "contract_id", string="Cases")
    ticket_count = fields.Integer(compute="_compute_consumed")
    note = fields.Html()

    @api.depends("unit", "quantity", "ticket_ids.service_hours")
    def _compute_consumed(self):
        data = {
            contract: (count, hours)
            for contract, count, hours in self.env["helpdesk.ticket"]._read_group(
                [("contract_id", "in", self.ids)],
                ["contract_id"],
                ["__count", "service_hours:sum"],
            )
        }
        for contract in self:
            count, hours = data.get(contract._origin, (0, 0.0))
            contract.ticket_count = count
            contract.consumed = hours if contract.unit == "hours" else count
            contract.remaining = (
                contract.quantity - contract.consumed if contract.quantity else 0.0
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "The service contract %(name)s cannot end before it starts.",
                        name=contract.name,
                    )
                )

    @api.constrains("quantity")
    def _check_quantity(self):
        for contract in self:
            if contract.quantity < 0:
                raise ValidationError(
                    self.env._(
                        "The service contract %(name)s cannot include a negative "
                        "quantity.",
                        name=contract.name,
                    )
                )

    def action_view_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cases"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("contract_id", "=", self.id)],
            "context": {"default_partner_id": self.partner_id.id},
        }

    def _is_running_on(self, date):
        self.ensure_one()
        return self.date_start <= date and (not self.date_end or date <= self.date_end)

    def _covers(self, category, product):
        """Whether the contract's scope includes this category (or one of its
        parents) and product."""
        self.ensure_one()
        if self.category_ids and not (
            category
            and category.search([("id", "parent_of", category.id)]) & self.category_ids
        ):
            return False
        return not self.product_ids or product in self.product_ids

    def _has_balance_before(self, ticket):
        """Whether the contract still had a balance for this case, counting only
        the contract's cases opened before it (then by number): a case covered
        when it came in stays covered, whatever comes after it."""
        self.ensure_one()
        if not self.quantity:
            return True
        domain = [("contract_id", "=", self.id)]
        if ticket._origin.id:
            domain += [
                "|",
                ("opened_date", "<", ticket.opened_date),
                "&",
                ("opened_date", "=", ticket.opened_date),
                ("id", "<", ticket._origin.id),
            ]
        elif ticket.opened_date:
            # a case being entered comes after every saved one
            domain += [("opened_date", "<=", ticket.opened_date)]
        [(count, hours)] = self.env["helpdesk.ticket"]._read_group(
            domain, aggregates=["__count", "service_hours:sum"]
        )
        consumed = hours if self.unit == "hours" else count
        return consumed < self.quantity

    @api.model
    def _find_for_ticket(self, ticket):
        """The customer's running contract whose scope covers the case, preferring
        one with a balance left."""
        if not ticket.commercial_partner_id:
            return self
        date = ticket._get_coverage_date()
        contracts = self.search(
            [
                (
                    "partner_id.commercial_partner_id",
                    "=",
                    ticket.commercial_partner_id.id,
                ),
                ("company_id", "=", ticket.company_id.id),
            ],
            order="date_end desc, id",
        ).filtered(
            lambda c: (
                c._is_running_on(date)
                and c._covers(ticket.category_id, ticket.product_id)
            )
        )
        return (
            contracts.filtered(lambda c: c._has_balance_before(ticket))[:1]
            or contracts[:1]
        )
