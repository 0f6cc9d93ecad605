from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

FOLLOWED_CUSTOMER_TYPES = ("prospect", "customer")


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_difficult = fields.Boolean(
        string="Difficult Customer",
        tracking=True,
        help="The salesperson cannot follow this customer alone: it is listed for the "
        "sales manager with the neglected ones.",
    )
    difficult_reason = fields.Char(tracking=True)
    previous_user_id = fields.Many2one(
        "res.users",
        string="Previous Salesperson",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who followed the customer before the last handover.",
    )
    is_neglected = fields.Boolean(
        compute="_compute_is_neglected",
        search="_search_is_neglected",
        help="A prospect or customer without any interaction for the number of days "
        "set in the sales settings.",
    )

    # Open opportunities of a group of companies (the ones the reader may read)
    group_opportunity_count = fields.Integer(
        string="Group Open Opportunities",
        compute="_compute_group_opportunities",
        groups="sales_team.group_sale_salesman",
        help="Open opportunities of the company and its subsidiaries in the current "
        "company, among those you may see.",
    )
    group_expected_revenue = fields.Monetary(
        currency_field="currency_id",
        compute="_compute_group_opportunities",
        groups="sales_team.group_sale_salesman",
        help="Expected revenue of the open opportunities of the company and its "
        "subsidiaries in the current company, among those you may see.",
    )

    @api.depends(
        "last_interaction_date",
        "customer_type",
        "is_company",
        "parent_id",
        "create_date",
    )
    @api.depends_context("company")
    def _compute_is_neglected(self):
        neglected = self.filtered_domain(self._get_neglected_domain())
        for partner in self:
            partner.is_neglected = partner in neglected

    def _search_is_neglected(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = self._get_neglected_domain()
        if (operator == "=") == value:
            return domain
        # "not" of the date comparisons would drop never-contacted customers
        return [("id", "not in", self._search(domain))]

    @api.model
    @api.depends_context("company", "uid")
    def _compute_group_opportunities(self):
        members = self._origin._get_group_member_ids()
        # the record rules apply: a salesperson counts the opportunities they see
        rows = self.env["crm.lead"]._read_group(
            [
                ("type", "=", "opportunity"),
                ("stage_id.is_won", "=", False),
                ("company_id", "in", [self.env.company.id, False]),
                (
                    "partner_id.commercial_partner_id",
                    "in",
                    [mid for ids in members.values() for mid in ids],
                ),
            ],
            ["partner_id"],
            ["__count", "expected_revenue:sum"],
        )
        per_customer = {}
        for partner, count, revenue in rows:
            customer = partner.commercial_partner_id.id
            total = per_customer.get(customer, (0, 0.0))
            per_customer[customer] = (total[0] + count, total[1] + revenue)
        for partner in self:
            totals = [
                per_customer.get(mid, (0, 0.0))
                for mid in members.get(partner._origin.id, [])
            ]
            partner.group_opportunity_count = sum(count for count, _ in totals)
            partner.group_expected_revenue = sum(revenue for _, revenue in totals)

    def _get_neglected_domain(self, company=None):
        """Followed customers whose last interaction (or, never contacted, whose
        filing) is older than the company's neglect threshold."""
        company = company or self.env.company
        cutoff = fields.Datetime.to_string(
            fields.Datetime.now() - timedelta(days=company.neglected_customer_days)
        )
        return [
            ("customer_type", "in", FOLLOWED_CUSTOMER_TYPES),
            ("is_customer_file", "=", True),
            "|",
            ("last_interaction_date", "<", cutoff),
            "&",
            ("last_interaction_date", "=", False),
            ("create_date", "<", cutoff),
        ]

    @api.model
    def _get_neglected_or_difficult_domain(self, company=None):
        company = company or self.env.company
        return expression.AND(
            [
                [("company_id", "in", (company.id, False))],
                expression.OR(
                    [
                        self._get_neglected_domain(company),
                        [
                            ("is_difficult", "=", True),
                            ("customer_type", "in", FOLLOWED_CUSTOMER_TYPES),
                        ],
                    ]
                ),
            ]
        )

    # ------------------------------------------------------------
    # Monthly digest to the sales managers
    # ------------------------------------------------------------

    @api.model
    def _cron_send_neglected_customer_digest(self):
        """Once a month per company, e-mail the sales managers the neglected and
        difficult customers, with the list as an Excel file. Running again in the
        same month sends nothing."""
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        for company in companies:
            # the month where the company works, not in OdooBot's time zone
            month = company._crm_today().strftime("%Y-%m")
            if company.neglected_digest_month == month:
                continue
            self.with_company(company)._send_neglected_customer_digest(company)
            company.neglected_digest_month = month

    def _send_neglected_customer_digest(self, company):
        managers = self.env.ref("sales_team.group_sale_manager").users.filtered(
            lambda user: company in user.company_ids and not user.share
        )
        domain = self._get_neglected_or_difficult_domain(company)
        partners = self.search(
            domain, order="last_interaction_date asc nulls first, id"
        )
        if not managers or not partners:
            return

        def prepare_mail(export):
            """The digest and its file name in the export's language."""
            return (
                export.env._(
                    "Neglected customers %(month)s.xlsx",
                    month=company._crm_today().strftime("%Y-%m"),
                ),
                self.with_env(export.env)._prepare_neglected_digest_mail(
                    company, partners.with_env(export.env)
                ),
            )

        self.env["crm.customer.export.wizard"]._mail_xlsx(
            managers, {"domain": repr(domain)}, prepare_mail
        )

    def _prepare_neglected_digest_mail(self, company, partners):
        body = self.env["ir.qweb"]._render(
            "crm_sales_pipeline.neglected_customer_digest",
            {
                "intro": self.env._(
                    "These customers of %(company)s had no interaction for %(days)s "
                    "days or more, or are flagged as difficult. The complete list is "
                    "attached as an Excel file.",
                    company=company.name,
                    days=company.neglected_customer_days,
                ),
                "partners": partners[:50],
                "more": len(partners) > 50
                and self.env._(
                    "… and %(count)s more in the attached file.",
                    count=len(partners) - 50,
                ),
                "by_user": partners.grouped("user_id"),
            },
        )
        return {
            "subject": self.env._(
                "%(company)s: %(count)s neglected or difficult customers",
                company=company.name,
                count=len(partners),
            ),
            "body_html": body,
            "email_from": company.email_formatted or self.env.user.email_formatted,
            "auto_delete": True,
        }
