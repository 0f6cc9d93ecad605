from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

FIGURES_GROUPS = (
    "sales_team.group_sale_salesman,"
    "account.group_account_invoice,account.group_account_readonly"
)
# Groups that see every customer's figures; the rest of FIGURES_GROUPS (own-documents
# salespeople) see those of their own customers only.
FIGURES_ALL_GROUPS = (
    "sales_team.group_sale_salesman_all_leads",
    "account.group_account_invoice",
    "account.group_account_readonly",
)
SQL_OPERATORS = {
    "=": "IS NOT DISTINCT FROM",
    "!=": "IS DISTINCT FROM",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
}


def _search_figure(fname):
    """The search method of figure ``fname``: every figure searches alike."""

    def search(records, operator, value):
        return records._search_figure_domain(fname, operator, value)

    return search


class CrmCustomerFiguresMixin(models.AbstractModel):
    """Receivable, credit and sales figures of a customer in the current company.

    Each figure is one SQL expression over the customer's commercial partner
    (``_get_figure_sql``): reading, searching and sorting all come from it. The
    figures are sales and accounting information: field ``groups`` keep them from
    users without sales or accounting rights, and own-documents salespeople get
    them for their own customers only (``_check_figures_access``).
    """

    _name = "crm.customer.figures.mixin"
    _description = "Customer Receivable and Sales Figures"

    figures_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_figures_currency_id",
        help="Currency of the current company, in which receivables and revenue are "
        "shown.",
    )
    # Receivables and credit in the current company (the debt panel)
    receivable_amount = fields.Monetary(
        string="Receivable Balance",
        currency_field="figures_currency_id",
        compute="_compute_figures",
        search=_search_figure("receivable_amount"),
        groups=FIGURES_GROUPS,
        help="What the customer owes the current company: open posted receivable "
        "items, less unallocated payments and credit notes.",
    )
    overdue_amount = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_figures",
        search=_search_figure("overdue_amount"),
        groups=FIGURES_GROUPS,
        help="Unpaid part of the invoice installments whose due date has passed.",
    )
    overdue_invoice_count = fields.Integer(
        compute="_compute_figures",
        search=_search_figure("overdue_invoice_count"),
        groups=FIGURES_GROUPS,
    )
    overdue_days = fields.Integer(
        string="Oldest Overdue (Days)",
        compute="_compute_figures",
        search=_search_figure("overdue_days"),
        groups=FIGURES_GROUPS,
        help="Days since the due date of the oldest unpaid installment.",
    )
    uninvoiced_order_amount = fields.Monetary(
        string="Ordered, Not Invoiced",
        currency_field="figures_currency_id",
        compute="_compute_credit_figures",
        groups=FIGURES_GROUPS,
        help="Confirmed sales orders' amounts (taxes included) not invoiced yet, "
        "as Odoo's sales credit check counts them.",
    )
    effective_credit_limit = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_figures",
        search=_search_figure("effective_credit_limit"),
        groups=FIGURES_GROUPS,
        help="The customer's credit limit in the current company (the company's "
        "default when the customer has none); 0 when there is no limit or the "
        "company does not use credit limits.",
    )
    credit_used_amount = fields.Monetary(
        string="Credit Used",
        currency_field="figures_currency_id",
        compute="_compute_credit_figures",
        groups=FIGURES_GROUPS,
        help="Receivable balance plus confirmed orders not invoiced yet.",
    )
    credit_available_amount = fields.Monetary(
        string="Available Credit",
        currency_field="figures_currency_id",
        compute="_compute_credit_figures",
        groups=FIGURES_GROUPS,
        help="Credit limit less credit used; negative when the limit is exceeded.",
    )
    credit_exceeded = fields.Boolean(
        string="Over Credit Limit",
        compute="_compute_credit_figures",
        groups=FIGURES_GROUPS,
    )
    # Orders and invoices in the current company
    last_order_date = fields.Datetime(
        compute="_compute_figures",
        search=_search_figure("last_order_date"),
        groups=FIGURES_GROUPS,
        help="Date of the latest confirmed sales order.",
    )
    order_count_this_year = fields.Integer(
        string="Orders This Year",
        compute="_compute_figures",
        search=_search_figure("order_count_this_year"),
        groups=FIGURES_GROUPS,
        help="Number of sales orders confirmed and dated this year.",
    )
    revenue_this_year = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_figures",
        search=_search_figure("revenue_this_year"),
        groups=FIGURES_GROUPS,
        help="Untaxed amount of this year's posted invoices less credit notes.",
    )
    revenue_last_year = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_figures",
        search=_search_figure("revenue_last_year"),
        groups=FIGURES_GROUPS,
        help="Untaxed amount of last year's posted invoices less credit notes.",
    )
    average_days_to_pay = fields.Float(
        compute="_compute_figures",
        search=_search_figure("average_days_to_pay"),
        groups=FIGURES_GROUPS,
        digits=(16, 1),
        help="Average number of days between the invoice date and the date the "
        "invoice was fully settled, over the customer's paid invoices.",
    )

    @api.depends_context("company")
    def _compute_figures_currency_id(self):
        self.figures_currency_id = self.env.company.currency_id

    @api.depends_context("company", "uid")
    def _compute_figures(self):
        self._check_figures_access()
        fnames = list(self._get_figure_sql_builders())
        values = {}
        if self._origin.ids:
            # sudo: the reader was checked above; the figures count every
            # salesperson's orders and invoices, whose lines they may not read.
            partner = self.env[self._name].sudo().with_context(active_test=False)
            query = partner._where_calc([("id", "in", self._origin.ids)])
            columns = [partner._get_figure_sql(query.table, fname) for fname in fnames]
            query_sql = query.select(SQL.identifier(query.table, "id"), *columns)
            for row in self.env.execute_query(query_sql):
                values[row[0]] = dict(zip(fnames, row[1:], strict=True))
        for record in self:
            row = values.get(record._origin.id, {})
            for fname in fnames:
                numeric = self._fields[fname].type in ("integer", "float", "monetary")
                record[fname] = row.get(fname) or (0 if numeric else False)

    @api.depends_context("company", "uid")
    def _compute_credit_figures(self):
        self._check_figures_access()
        # Odoo's amount to invoice of an order line is computed in Python only.
        uninvoiced = self._get_uninvoiced_order_amounts(
            self._origin.commercial_partner_id.ids
        )
        for partner in self:
            used = partner.receivable_amount + uninvoiced.get(
                partner._origin.commercial_partner_id.id, 0.0
            )
            limit = partner.effective_credit_limit
            partner.uninvoiced_order_amount = used - partner.receivable_amount
            partner.credit_used_amount = used
            partner.credit_available_amount = limit - used if limit else 0.0
            partner.credit_exceeded = bool(limit) and used > limit

    # ------------------------------------------------------------
    # ACCESS
    # ------------------------------------------------------------

    def _may_read_all_figures(self):
        user = self.env.user
        return self.env.su or any(user.has_group(group) for group in FIGURES_ALL_GROUPS)

    def _check_figures_access(self):
        """Own-documents salespeople read the figures of their own customers only
        (and of customers without salesperson), as Odoo's rule on sales orders lets
        them read their own orders and those without salesperson."""
        if self._may_read_all_figures():
            return
        commercials = self._origin.sudo().commercial_partner_id
        others = commercials.filtered(
            lambda partner: partner.user_id and partner.user_id != self.env.user
        )
        if others:
            raise AccessError(
                self.env._(
                    "Only the salesperson of %(customer)s, all-documents salespeople "
                    "and the accounting department may see its receivable and sales "
                    "figures.",
                    customer=others[0].display_name,
                )
            )

    def _get_figures_scope_sql(self, alias):
        """Condition on the partner row ``alias`` under which the current user may
        see its figures."""
        if self._may_read_all_figures():
            return SQL("TRUE")
        return SQL(
            "EXISTS(SELECT 1 FROM res_partner scope WHERE scope.id = %s "
            "AND (scope.user_id IS NULL OR scope.user_id = %s))",
            SQL.identifier(alias, "commercial_partner_id"),
            self.env.uid,
        )

    # ------------------------------------------------------------
    # SEARCH AND ORDER
    # ------------------------------------------------------------

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Sorting by a figure: its expression, hidden where the reader may not see it.
        # Every read and search comes through here: test the name before anything.
        if fname in self._get_figure_sql_builders():
            self.check_field_access_rights("read", [fname])
            return SQL(
                "CASE WHEN %s THEN %s END",
                self._get_figures_scope_sql(alias),
                self.sudo()._get_figure_sql(alias, fname),
            )
        return super()._field_to_sql(alias, fname, query, flush)

    @api.model
    def _search_figure_domain(self, fname, operator, value):
        self.check_field_access_rights("read", [fname])
        if operator not in SQL_OPERATORS:
            raise UserError(
                self.env._(
                    "Customers cannot be searched on this figure with the "
                    "operator %(operator)s.",
                    operator=operator,
                )
            )
        field = self._fields[fname]
        if field.type == "datetime":
            value = fields.Datetime.to_datetime(value) if value else None
        elif field.type == "boolean":
            value = bool(value)
        else:
            value = value or 0
        query = self.sudo().with_context(active_test=False)._where_calc([])
        query.add_where(self._get_figures_scope_sql(query.table))
        query.add_where(
            SQL(
                "%s %s %s",
                self.sudo()._get_figure_sql(query.table, fname),
                SQL(SQL_OPERATORS[operator]),
                value,
            )
        )
        return [("id", "in", query)]

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    def _get_figure_sql_builders(self):
        """The SQL expression of each figure computed in SQL."""
        return {
            "receivable_amount": self._get_receivable_sql,
            "overdue_amount": self._get_receivable_sql,
            "overdue_invoice_count": self._get_receivable_sql,
            "overdue_days": self._get_receivable_sql,
            "effective_credit_limit": self._get_credit_limit_sql,
            "last_order_date": self._get_order_sql,
            "order_count_this_year": self._get_order_sql,
            "revenue_this_year": self._get_revenue_sql,
            "revenue_last_year": self._get_revenue_sql,
            "average_days_to_pay": self._get_days_to_pay_sql,
        }

    def _get_figure_sql(self, alias, fname):
        """The value of figure ``fname`` for the partner row ``alias``."""
        return self._get_figure_sql_builders()[fname](alias, fname)

    def _get_receivable_sql(self, alias, fname):
        today = fields.Date.context_today(self)
        aggregate = {
            "receivable_amount": SQL("COALESCE(SUM(line.amount_residual), 0)"),
            "overdue_amount": SQL("COALESCE(SUM(line.amount_residual), 0)"),
            "overdue_invoice_count": SQL("COUNT(DISTINCT line.move_id)"),
            "overdue_days": SQL("COALESCE(%s - MIN(line.date_maturity), 0)", today),
        }[fname]
        overdue = SQL("TRUE")
        if fname != "receivable_amount":
            overdue = SQL("line.date_maturity < %s AND line.amount_residual > 0", today)
        return SQL(
            """(SELECT %(aggregate)s
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                  JOIN res_partner line_partner ON line_partner.id = line.partner_id
                 WHERE line_partner.commercial_partner_id = %(commercial)s
                   AND line.company_id = %(company_id)s
                   AND line.parent_state = 'posted'
                   AND account.account_type = 'asset_receivable'
                   AND line.reconciled IS NOT TRUE
                   AND %(overdue)s)""",
            aggregate=aggregate,
            commercial=self._get_commercial_sql(alias, "account.move.line"),
            company_id=self.env.company.id,
            overdue=overdue,
        )

    def _get_credit_limit_sql(self, alias, fname):
        if not self.env.company.account_use_credit_limit:
            return SQL("0.0")
        # sudo: salespeople may not read Odoo's credit_limit field (accounting).
        limit = (
            self.env["res.partner"]
            .sudo()
            ._field_to_sql("limit_partner", "credit_limit")
        )
        return SQL(
            "(SELECT COALESCE(%s, 0) FROM res_partner limit_partner "
            "WHERE limit_partner.id = %s)",
            limit,
            SQL.identifier(alias, "commercial_partner_id"),
        )

    def _get_order_sql(self, alias, fname):
        aggregate, this_year_only = SQL("MAX(sale.date_order)"), SQL("TRUE")
        if fname == "order_count_this_year":
            aggregate = SQL("COUNT(sale.id)")
            year = fields.Date.context_today(self).year
            this_year_only = SQL("sale.date_order >= %s", self._get_year_start(year))
        return SQL(
            """(SELECT %(aggregate)s
                  FROM sale_order sale
                  JOIN res_partner sale_partner ON sale_partner.id = sale.partner_id
                 WHERE sale_partner.commercial_partner_id = %(commercial)s
                   AND sale.company_id = %(company_id)s
                   AND sale.state = 'sale'
                   AND %(this_year_only)s)""",
            aggregate=aggregate,
            commercial=self._get_commercial_sql(alias, "sale.order"),
            company_id=self.env.company.id,
            this_year_only=this_year_only,
        )

    def _get_revenue_sql(self, alias, fname):
        year = fields.Date.context_today(self).year
        if fname == "revenue_last_year":
            year -= 1
        return SQL(
            """(SELECT COALESCE(SUM(move.amount_untaxed_signed), 0)
                  FROM account_move move
                 WHERE move.commercial_partner_id = %(commercial)s
                   AND move.company_id = %(company_id)s
                   AND move.state = 'posted'
                   AND move.move_type IN ('out_invoice', 'out_refund')
                   AND move.invoice_date >= %(start)s
                   AND move.invoice_date < %(end)s)""",
            commercial=self._get_commercial_sql(alias, "account.move"),
            company_id=self.env.company.id,
            start=fields.Date.to_date(f"{year}-01-01"),
            end=fields.Date.to_date(f"{year + 1}-01-01"),
        )

    def _get_days_to_pay_sql(self, alias, fname):
        # An invoice is settled on the latest date of its reconciliations.
        self.env["account.partial.reconcile"].flush_model(
            ["debit_move_id", "max_date", "company_id"]
        )
        return SQL(
            """(SELECT COALESCE(AVG(settled.days), 0)
                  FROM (SELECT MAX(partial.max_date) - move.invoice_date AS days
                          FROM account_partial_reconcile partial
                          JOIN account_move_line line ON line.id = partial.debit_move_id
                          JOIN account_move move ON move.id = line.move_id
                         WHERE move.commercial_partner_id = %(commercial)s
                           AND partial.company_id = %(company_id)s
                           AND move.move_type = 'out_invoice'
                           AND move.state = 'posted'
                           AND move.payment_state IN ('paid', 'in_payment')
                         GROUP BY move.id) settled)""",
            commercial=self._get_commercial_sql(alias, "account.move"),
            company_id=self.env.company.id,
        )

    def _get_commercial_sql(self, alias, model_name):
        """The commercial partner of the row ``alias``, flushing what the figures of
        ``model_name`` read."""
        to_flush = {
            "account.move.line": [
                "partner_id",
                "company_id",
                "parent_state",
                "account_id",
                "amount_residual",
                "reconciled",
                "date_maturity",
                "move_id",
            ],
            "account.move": [
                "commercial_partner_id",
                "company_id",
                "state",
                "move_type",
                "invoice_date",
                "amount_untaxed_signed",
                "payment_state",
            ],
            "sale.order": ["partner_id", "company_id", "state", "date_order"],
        }[model_name]
        self.env[model_name].flush_model(to_flush)
        self.env["res.partner"].flush_model(["commercial_partner_id", "user_id"])
        return SQL.identifier(alias, "commercial_partner_id")

    @api.model
    def _get_uninvoiced_order_amounts(self, commercial_ids):
        """Confirmed orders' amounts not invoiced yet, in company currency, per
        commercial partner: Odoo's own ``amount_to_invoice`` of their lines."""
        company = self.env.company
        # Credit used counts every salesperson's orders, not only the reader's.
        order_lines = (
            self.env["sale.order.line"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sale"),
                    (
                        "order_id.partner_invoice_id.commercial_partner_id",
                        "in",
                        commercial_ids,
                    ),
                ]
            )
        )
        amounts = {}
        for line in order_lines:
            commercial_id = line.order_id.partner_invoice_id.commercial_partner_id.id
            amount = line.amount_to_invoice / (line.order_id.currency_rate or 1.0)
            amounts[commercial_id] = amounts.get(commercial_id, 0.0) + amount
        return {
            commercial_id: company.currency_id.round(amount)
            for commercial_id, amount in amounts.items()
        }

    def _get_year_start(self, year):
        """Start of the year in the user's time zone, as a UTC naive datetime."""
        timezone = pytz.timezone(
            self.env.context.get("tz") or self.env.user.tz or "UTC"
        )
        return (
            timezone.localize(datetime(year, 1, 1))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
