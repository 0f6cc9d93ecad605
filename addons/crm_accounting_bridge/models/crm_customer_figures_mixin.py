from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.crm_customer.tools import local_day_start_utc

from ..tools import customer_figures

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
    figures_readable = fields.Boolean(
        compute="_compute_figures_readable",
        help="Whether you may see this customer's receivable and sales figures.",
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

    @api.depends_context("uid")
    def _compute_figures_readable(self):
        readable = self._filter_figures_readable()
        for partner in self:
            partner.figures_readable = partner in readable

    @api.depends_context("company", "uid")
    def _compute_figures(self):
        self._check_figures_access()
        fnames = list(customer_figures.SQL_FIGURES)
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
        others = (self._origin - self._origin._filter_figures_readable()).sudo()
        others = others.commercial_partner_id
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

    def _filter_figures_readable(self):
        """The records whose figures the current user may see."""
        if self._may_read_all_figures():
            return self
        return self.filtered(
            lambda partner: (
                partner.sudo().commercial_partner_id.user_id
                in (self.env.user, self.env.user.browse())
            )
        )

    def _get_figure_fields(self):
        return [
            fname
            for fname, field in self._fields.items()
            if field.compute in ("_compute_figures", "_compute_credit_figures")
        ]

    def web_read(self, specification):
        # The customer list and form of an own-documents salesperson show other
        # salespeople's customers with empty figures instead of failing as a whole.
        hidden = set(specification) & set(self._get_figure_fields())
        readable = self
        if hidden and self.env.user.has_group("sales_team.group_sale_salesman"):
            readable = self._filter_figures_readable()
        if readable == self:
            return super().web_read(specification)
        others_specification = {
            fname: spec for fname, spec in specification.items() if fname not in hidden
        }
        values = {
            row["id"]: row
            for row in super(CrmCustomerFiguresMixin, readable).web_read(specification)
        }
        for row in super(CrmCustomerFiguresMixin, self - readable).web_read(
            others_specification
        ):
            values[row["id"]] = dict(row, **dict.fromkeys(hidden, False))
        return [values[record.id] for record in self]

    # ------------------------------------------------------------
    # SEARCH AND ORDER
    # ------------------------------------------------------------

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Sorting by a figure: its expression, hidden where the reader may not see it.
        # Every read and search comes through here: test the name before anything.
        if fname in customer_figures.SQL_FIGURES:
            self.check_field_access_rights("read", [fname])
            return SQL(
                "CASE WHEN %s THEN %s END",
                self._get_figures_scope_sql(alias),
                self.sudo()._get_figure_sql(alias, fname),
            )
        return super()._field_to_sql(alias, fname, query, flush)

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        # Sorting by a figure joins it for every customer at once (one aggregate
        # over the documents) instead of one subquery per customer to sort.
        grouped = None
        if field_name in customer_figures.SQL_FIGURES:
            self.check_field_access_rights("read", [field_name])
            grouped = self.sudo()._get_figure_query(field_name, None)
        if grouped is None:
            return super()._order_field_to_sql(
                alias, field_name, direction, nulls, query
            )
        figure_alias = query.make_alias(alias, field_name)
        query.add_join(
            "LEFT JOIN",
            figure_alias,
            grouped,
            SQL(
                "%s = %s",
                SQL.identifier(figure_alias, "commercial_partner_id"),
                SQL.identifier(alias, "commercial_partner_id"),
            ),
        )
        value = SQL(
            "CASE WHEN %s THEN COALESCE(%s, %s) END",
            self._get_figures_scope_sql(alias),
            SQL.identifier(figure_alias, "value"),
            customer_figures.empty_value(field_name),
        )
        if query.groupby:
            query.groupby = SQL("%s, %s", query.groupby, value)
        return SQL("%s %s %s", value, direction, nulls)

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

    def _get_figure_sql(self, alias, fname):
        """The value of figure ``fname`` for the partner row ``alias``."""
        return self._get_figure_query(
            fname, SQL.identifier(alias, "commercial_partner_id")
        )

    def _get_figure_query(self, fname, commercial):
        """Figure ``fname`` of the commercial partner ``commercial`` (an SQL
        expression), or when None the subquery of rows ``(commercial_partner_id,
        value)`` of every customer with documents (none for the credit limit)."""
        self._flush_figure_sources()
        company = self.env.company
        today = fields.Date.context_today(self)
        if fname in customer_figures.RECEIVABLE_FIGURES:
            return customer_figures.receivable_sql(fname, commercial, company.id, today)
        if fname in customer_figures.ORDER_FIGURES:
            year_start = self._get_year_start(today.year)
            return customer_figures.order_sql(fname, commercial, company.id, year_start)
        if fname in customer_figures.REVENUE_FIGURES:
            year = today.year if fname == "revenue_this_year" else today.year - 1
            return customer_figures.revenue_sql(
                commercial,
                company.id,
                fields.Date.to_date(f"{year}-01-01"),
                fields.Date.to_date(f"{year + 1}-01-01"),
            )
        if fname == "effective_credit_limit":
            if commercial is None:
                return None
            if not company.account_use_credit_limit:
                return SQL("0.0")
            # sudo: salespeople may not read Odoo's credit_limit field (accounting).
            partners = self.env["res.partner"].sudo()
            limit = partners._field_to_sql("limit_partner", "credit_limit")
            return customer_figures.credit_limit_sql(commercial, limit)
        assert fname == "average_days_to_pay", fname
        return customer_figures.days_to_pay_sql(commercial, company.id)

    def _flush_figure_sources(self):
        """Write pending changes of what the figures' SQL reads."""
        for model_name, fnames in (
            ("res.partner", ["commercial_partner_id", "user_id"]),
            ("account.move.line", ["partner_id", "company_id", "parent_state"]),
            ("account.move.line", ["account_id", "amount_residual", "reconciled"]),
            ("account.move.line", ["date_maturity", "move_id"]),
            ("account.move", ["commercial_partner_id", "company_id", "state"]),
            ("account.move", ["move_type", "invoice_date", "amount_untaxed_signed"]),
            ("account.move", ["payment_state"]),
            ("account.partial.reconcile", ["debit_move_id", "max_date", "company_id"]),
            ("sale.order", ["partner_id", "company_id", "state", "date_order"]),
        ):
            self.env[model_name].flush_model(fnames)

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
        return local_day_start_utc(
            date(year, 1, 1), self.env.context.get("tz") or self.env.user.tz
        )
