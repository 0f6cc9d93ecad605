from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.crm_customer.tools import group_member_ids_sql

from .crm_customer_figures_mixin import FIGURES_GROUPS

# who reads Odoo's credit limit, the accounting department's to set
CREDIT_LIMIT_GROUPS = "account.group_account_invoice,account.group_account_readonly"
# group figure: the customer figure it adds up over the group's members
GROUP_FIGURES = {
    "group_receivable_amount": "receivable_amount",
    "group_overdue_amount": "overdue_amount",
    "group_revenue_this_year": "revenue_this_year",
}


class CrmCustomerGroupFiguresMixin(models.AbstractModel):
    """Figures of a group of companies (a parent company and its subsidiaries, at
    any depth), and the group's own credit limit.

    A group figure adds up the customer figure of the same SQL expression over the
    members whose figures the reader may see: an own-documents salesperson's group
    total is the sum of the rows they see on the Subsidiaries tab, never more.
    """

    _name = "crm.customer.group.figures.mixin"
    _inherit = "crm.customer.figures.mixin"
    _description = "Customer Group Figures"

    group_receivable_amount = fields.Monetary(
        string="Group Receivable Balance",
        currency_field="figures_currency_id",
        compute="_compute_group_figures",
        groups=FIGURES_GROUPS,
        help="Receivable balance of the company and its subsidiaries in the current "
        "company (of those whose figures you may see).",
    )
    group_overdue_amount = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_group_figures",
        groups=FIGURES_GROUPS,
        help="Overdue amount of the company and its subsidiaries.",
    )
    group_revenue_this_year = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_group_figures",
        groups=FIGURES_GROUPS,
        help="Revenue this year of the company and its subsidiaries.",
    )
    group_credit_used_amount = fields.Monetary(
        string="Group Credit Used",
        currency_field="figures_currency_id",
        compute="_compute_group_figures",
        groups=FIGURES_GROUPS,
        help="Receivable balance plus confirmed orders not invoiced yet of the "
        "company and its subsidiaries.",
    )
    # Set by the accounting department, like Odoo's credit limit (per company)
    use_group_credit_limit = fields.Boolean(
        string="Group Credit Control",
        company_dependent=True,
        groups=CREDIT_LIMIT_GROUPS,
        help="Confirming an order of this company or of any of its subsidiaries "
        "also checks the group's credit used against the group credit limit.",
    )
    group_credit_limit = fields.Float(
        company_dependent=True,
        groups=CREDIT_LIMIT_GROUPS,
        digits="Account",
        help="Credit the company and all its subsidiaries may use together in the "
        "current company.",
    )

    @api.depends_context("company", "uid")
    def _compute_group_figures(self):
        self._check_figures_access()
        fnames = list(GROUP_FIGURES)
        values, members = {}, {}
        if self._origin.ids:
            values, members = self._get_group_figures(fnames)
        uninvoiced = self._get_uninvoiced_order_amounts(
            [mid for ids in members.values() for mid in ids]
        )
        for partner in self:
            row = values.get(partner._origin.id, {})
            for fname in fnames:
                partner[fname] = row.get(fname) or 0.0
            partner.group_credit_used_amount = partner.group_receivable_amount + sum(
                uninvoiced.get(member_id, 0.0)
                for member_id in members.get(partner._origin.id, [])
            )

    @api.constrains("group_credit_limit")
    def _check_group_credit_limit(self):
        for partner in self.sudo():
            if partner.group_credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The group credit limit of %(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )

    def _get_figure_fields(self):
        return super()._get_figure_fields() + [
            fname
            for fname, field in self._fields.items()
            if field.compute == "_compute_group_figures"
        ]

    def _get_group_figures(self, fnames):
        """The group figures ``fnames`` and the ids of the group's members whose
        figures the reader may see, per partner of ``self``, in one query whatever
        the number of partners and members."""
        # sudo: the reader was checked (parent) or is scoped (members) below; the
        # figures count every salesperson's documents.
        partner = self.env[self._name].sudo()
        columns = [
            SQL(
                "COALESCE(SUM(%s), 0)",
                partner._get_figure_sql("member", GROUP_FIGURES[fname]),
            )
            for fname in fnames
        ]
        query = SQL(
            """SELECT root.id, ARRAY_AGG(member.id), %(columns)s
                 FROM res_partner root
                -- walked once per root (a correlated IN would walk it per row)
                CROSS JOIN LATERAL %(members)s AS group_member
                 JOIN res_partner member ON member.id = group_member.id
                WHERE root.id IN %(ids)s AND %(scope)s
                GROUP BY root.id""",
            columns=SQL(", ").join(columns),
            members=group_member_ids_sql(SQL("root.id")),
            ids=tuple(self._origin.ids),
            scope=self._get_figures_scope_sql("member"),
        )
        values, members = {}, {}
        for root_id, member_ids, *figures in self.env.execute_query(query):
            values[root_id] = dict(zip(fnames, figures, strict=True))
            members[root_id] = member_ids
        return values, members

    def _get_credit_groups(self):
        """The groups this customer belongs to whose parent company has a group
        credit limit: itself and its parent companies up the tree."""
        self.ensure_one()
        groups = self.browse()
        partner = self
        while partner and partner not in groups:
            if partner.use_group_credit_limit:
                groups |= partner
            partner = partner.parent_id if partner.is_company else partner.browse()
        return groups
