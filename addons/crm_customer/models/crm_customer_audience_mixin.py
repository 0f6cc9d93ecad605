from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools import local_day_start_utc

AUDIENCE_FIELDS = (
    "company_id",
    "classification_ids",
    "customer_type",
    "customer_status",
    "salesperson_ids",
    "sales_team_ids",
    "last_interaction_from",
    "last_interaction_before",
    "need_product_ids",
    "competitor_contract_end_from",
    "competitor_contract_end_to",
    "included_partner_ids",
    "excluded_partner_ids",
)


class CrmCustomerAudienceMixin(models.AbstractModel):
    """The customers a campaign aims at, from the customer file's data.

    Criteria are AND-ed; the values of one classification tree are OR-ed (child_of),
    trees AND-ed. Manual additions skip the criteria, exclusions win over everything,
    and nobody outside the scope (the record's company, commercial entities) ever
    enters. See readme/DESIGN.md for the extension points."""

    _name = "crm.customer.audience.mixin"
    _description = "Customer Audience"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        string="Customer Classes",
        help="Customers in any of these classes, or in a class below one of them; "
        "classes of different criteria must all match.",
    )
    customer_type = fields.Selection(
        selection=lambda self: (
            self.env["res.partner"]
            ._fields["customer_type"]
            ._description_selection(self.env)
        ),
        help="Only customers of this type; empty for every type.",
    )
    customer_status = fields.Selection(
        selection=lambda self: (
            self.env["res.partner"]
            ._fields["customer_status"]
            ._description_selection(self.env)
        ),
        help="Only customers in this status; empty for every status.",
    )
    salesperson_ids = fields.Many2many(
        "res.users",
        string="Salespeople",
        domain=[("share", "=", False)],
        help="Only customers followed by one of these salespeople.",
    )
    sales_team_ids = fields.Many2many(
        "crm.team",
        string="Responsible Departments",
        check_company=True,
        help="Only customers in the charge of one of these sales teams.",
    )
    last_interaction_from = fields.Date(
        help="Only customers whose latest done interaction is on or after this date.",
    )
    last_interaction_before = fields.Date(
        help="Only customers with no done interaction since this date (including "
        "customers never met).",
    )
    need_product_ids = fields.Many2many(
        "product.product",
        string="Needs",
        check_company=True,
        help="Only customers with an open need for one of these products or services.",
    )
    competitor_contract_end_from = fields.Date(
        string="Competitor Contract Ends From",
        help="Only customers whose contract with a competitor ends on or after this "
        "date (with the next field: ends within the window). The time to win them.",
    )
    competitor_contract_end_to = fields.Date(
        string="Competitor Contract Ends By",
        help="Only customers whose contract with a competitor ends on or before this "
        "date.",
    )
    included_partner_ids = fields.Many2many(
        "res.partner",
        string="Added Customers",
        check_company=True,
        domain=[("is_customer_file", "=", True)],
        help="Always in the audience, whatever the criteria (unless excluded).",
    )
    # each model inheriting the mixin gives this list a table of its own (DESIGN.md)
    excluded_partner_ids = fields.Many2many(
        "res.partner",
        "crm_customer_audience_mixin_excluded_partner_rel",
        string="Excluded Customers",
        check_company=True,
        domain=[("is_customer_file", "=", True)],
        help="Never in the audience, even when they match or were added.",
    )
    audience_count = fields.Integer(
        string="Audience", compute="_compute_audience_count"
    )

    @api.depends(*AUDIENCE_FIELDS)
    def _compute_audience_count(self):
        Partner = self.env["res.partner"]
        for record in self:
            record.audience_count = Partner.search_count(record._get_audience_domain())

    @api.constrains("last_interaction_from", "last_interaction_before")
    def _check_last_interaction_window(self):
        for record in self:
            start, end = record.last_interaction_from, record.last_interaction_before
            if start and end and start >= end:
                raise ValidationError(
                    self.env._(
                        "In %(name)s, the last interaction window must start before it "
                        "ends.",
                        name=record.display_name,
                    )
                )

    @api.constrains("competitor_contract_end_from", "competitor_contract_end_to")
    def _check_competitor_contract_window(self):
        for record in self:
            start = record.competitor_contract_end_from
            end = record.competitor_contract_end_to
            if start and end and start > end:
                raise ValidationError(
                    self.env._(
                        "In %(name)s, the window of competitor contracts ending must "
                        "start before it ends.",
                        name=record.display_name,
                    )
                )

    def action_open_audience(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.res_partner_action_customer"
        )
        action["display_name"] = self.env._(
            "Audience of %(name)s", name=self.display_name
        )
        action["domain"] = self._get_audience_domain()
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------
    # Audience
    # ------------------------------------------------------------

    def _get_audience_domain(self):
        """The partner domain of the audience: scope AND (criteria OR additions),
        minus the exclusions. No criterion and no addition is nobody, not everyone."""
        self.ensure_one()
        parts = self._get_audience_domain_parts()
        criteria = expression.AND(parts) if parts else expression.FALSE_DOMAIN
        included = self.included_partner_ids._origin
        if included:
            criteria = expression.OR([criteria, [("id", "in", included.ids)]])
        domain = expression.AND([self._get_audience_scope_domain(), criteria])
        excluded = self.excluded_partner_ids._origin
        if excluded:
            domain = expression.AND([domain, [("id", "not in", excluded.ids)]])
        return domain

    def _get_audience_scope_domain(self):
        """Who may be in the audience at all, additions included: the commercial
        entities of the record's company (or shared ones). An e-mail campaign adds
        its opt-out / blacklist condition here, so that it holds for additions too."""
        self.ensure_one()
        company_ids = self.company_id._origin.ids
        return [
            ("is_customer_file", "=", True),
            ("company_id", "in", [*company_ids, False]),
        ]

    def _get_audience_domain_parts(self):
        """One domain per criterion set on the record, AND-ed by the caller. Another
        module adds its criterion by appending to ``super()``'s list."""
        self.ensure_one()
        parts = [
            [("classification_ids", "child_of", values.ids)]
            for values in self.classification_ids._origin.grouped(
                "criterion_id"
            ).values()
        ]
        if self.customer_type:
            parts.append([("customer_type", "=", self.customer_type)])
        if self.customer_status:
            parts.append([("customer_status", "=", self.customer_status)])
        if self.salesperson_ids:
            parts.append([("user_id", "in", self.salesperson_ids._origin.ids)])
        if self.sales_team_ids:
            parts.append(
                [("responsible_team_id", "child_of", self.sales_team_ids._origin.ids)]
            )
        if self.last_interaction_from:
            start = self._get_audience_datetime(self.last_interaction_from)
            parts.append([("last_interaction_date", ">=", start)])
        if self.last_interaction_before:
            end = self._get_audience_datetime(self.last_interaction_before)
            parts.append(
                [
                    "|",
                    ("last_interaction_date", "=", False),
                    ("last_interaction_date", "<", end),
                ]
            )
        if self.need_product_ids:
            parts.append([("id", "in", self._get_audience_need_partner_ids())])
        if self.competitor_contract_end_from or self.competitor_contract_end_to:
            parts.append([("id", "in", self._get_audience_competitor_partner_ids())])
        return parts

    def _get_audience_datetime(self, date):
        """Midnight of ``date`` where the record's company works, as a UTC string:
        a date criterion means the company's day, whoever looks at the count."""
        tz_name = self.company_id._crm_tz() if self.company_id else "UTC"
        return fields.Datetime.to_string(local_day_start_utc(date, tz_name))

    def _get_audience_need_partner_ids(self):
        """Customers with an open need for the record's products: one grouped query."""
        groups = (
            self.env["crm.customer.need"]
            # a need is read here as a targeting fact, never shown: a service manager
            # aims care at the customers who need a product without reading the needs
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", self.need_product_ids._origin.ids),
                    ("state", "in", ("open", "in_progress")),
                    ("company_id", "in", [*self.company_id._origin.ids, False]),
                ],
                ["partner_id"],
            )
        )
        return [partner.id for (partner,) in groups]

    def _get_audience_competitor_partner_ids(self):
        """Customers with a competitor contract ending in the window: one grouped
        query (ids, as for the needs, so the domain still opens in the client)."""
        domain = [("company_id", "in", [*self.company_id._origin.ids, False])]
        if self.competitor_contract_end_from:
            domain.append(
                ("contract_end_date", ">=", self.competitor_contract_end_from)
            )
        if self.competitor_contract_end_to:
            domain.append(("contract_end_date", "<=", self.competitor_contract_end_to))
        # read as a targeting fact, never shown (as the needs above): marketing aims at
        # the customers whose contract ends without reading the competitor file
        groups = (
            self.env["crm.customer.competitor.product"]
            .sudo()
            ._read_group(domain, ["partner_id"])
        )
        return [partner.id for (partner,) in groups]

    def _get_audience_partners(self):
        """The audience as partners, for the caller that plans work for each."""
        self.ensure_one()
        return self.env["res.partner"].search(self._get_audience_domain())

    def _check_audience_criteria(self):
        """Refuse to reach an audience nobody defined (no criterion, no addition)."""
        for record in self:
            if not record._get_audience_domain_parts() and not (
                record.included_partner_ids
            ):
                raise UserError(
                    self.env._(
                        "Choose customer classes, a customer type or another criterion "
                        "for the audience of %(name)s, or add its customers by hand.",
                        name=record.display_name,
                    )
                )
