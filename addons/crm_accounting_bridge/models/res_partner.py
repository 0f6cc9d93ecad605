from datetime import datetime
import operator

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date

SEARCH_OPERATORS = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


SORTABLE_FIGURES = {
    "receivable_amount",
    "overdue_amount",
    "revenue_this_year",
    "revenue_last_year",
    "last_order_date",
    "order_count_this_year",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

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
        compute="_compute_debt_figures",
        search="_search_receivable_amount",
        help="What the customer owes the current company: open posted receivable "
        "items, less unallocated payments and credit notes.",
    )
    overdue_amount = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_debt_figures",
        search="_search_overdue_amount",
        help="Unpaid part of the invoice installments whose due date has passed.",
    )
    overdue_invoice_count = fields.Integer(compute="_compute_debt_figures")
    overdue_days = fields.Integer(
        string="Oldest Overdue (Days)",
        compute="_compute_debt_figures",
        help="Days since the due date of the oldest unpaid installment.",
    )
    uninvoiced_order_amount = fields.Monetary(
        string="Ordered, Not Invoiced",
        currency_field="figures_currency_id",
        compute="_compute_debt_figures",
        help="Confirmed sales orders' amounts (taxes included) not invoiced yet, "
        "as Odoo's sales credit check counts them.",
    )
    effective_credit_limit = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_debt_figures",
        help="The customer's credit limit in the current company (the company's "
        "default when the customer has none); 0 when there is no limit or the "
        "company does not use credit limits.",
    )
    credit_used_amount = fields.Monetary(
        string="Credit Used",
        currency_field="figures_currency_id",
        compute="_compute_debt_figures",
        help="Receivable balance plus confirmed orders not invoiced yet.",
    )
    credit_available_amount = fields.Monetary(
        string="Available Credit",
        currency_field="figures_currency_id",
        compute="_compute_debt_figures",
        help="Credit limit less credit used; negative when the limit is exceeded.",
    )
    credit_exceeded = fields.Boolean(
        string="Over Credit Limit", compute="_compute_debt_figures"
    )
    payment_conditions = fields.Text(
        company_dependent=True,
        help="Payment conditions agreed with the customer, in words (deposit, "
        "documents required...).",
    )
    credit_term_days = fields.Integer(
        string="Credit Term (Days)",
        company_dependent=True,
        help="Number of days an invoice may stay overdue before the customer is "
        "considered a credit risk.",
    )
    credit_hold_lifted_until = fields.Date(
        company_dependent=True,
        help="Until this date, orders of this customer are confirmed whatever its "
        "credit. Set by accounting managers.",
    )
    # Orders and invoices in the current company
    last_order_date = fields.Datetime(
        compute="_compute_sales_figures",
        search="_search_last_order_date",
        help="Date of the latest confirmed sales order.",
    )
    order_count_this_year = fields.Integer(
        string="Orders This Year",
        compute="_compute_sales_figures",
        search="_search_order_count_this_year",
        help="Number of sales orders confirmed and dated this year.",
    )
    revenue_this_year = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_sales_figures",
        search="_search_revenue_this_year",
        help="Untaxed amount of this year's posted invoices less credit notes.",
    )
    revenue_last_year = fields.Monetary(
        currency_field="figures_currency_id",
        compute="_compute_sales_figures",
        search="_search_revenue_last_year",
        help="Untaxed amount of last year's posted invoices less credit notes.",
    )
    average_days_to_pay = fields.Float(
        compute="_compute_sales_figures",
        search="_search_average_days_to_pay",
        digits=(16, 1),
        help="Average number of days between the invoice date and the date the "
        "invoice was fully settled, over the customer's paid invoices.",
    )

    @api.depends_context("company")
    def _compute_figures_currency_id(self):
        self.figures_currency_id = self.env.company.currency_id

    @api.depends_context("company")
    def _compute_debt_figures(self):
        commercial_ids = self._origin.commercial_partner_id.ids
        debts = self._get_receivable_figures(commercial_ids)
        uninvoiced = self._get_uninvoiced_order_amounts(commercial_ids)
        company = self.env.company
        for partner in self:
            commercial = partner._origin.commercial_partner_id
            debt = debts.get(commercial.id, {})
            partner.receivable_amount = debt.get("receivable_amount", 0.0)
            partner.overdue_amount = debt.get("overdue_amount", 0.0)
            partner.overdue_invoice_count = debt.get("overdue_invoice_count", 0)
            partner.overdue_days = debt.get("overdue_days", 0)
            partner.uninvoiced_order_amount = uninvoiced.get(commercial.id, 0.0)
            partner.credit_used_amount = (
                partner.receivable_amount + partner.uninvoiced_order_amount
            )
            # Salespeople may not read Odoo's credit_limit field (accounting groups).
            limit = (
                commercial.sudo().credit_limit
                if company.account_use_credit_limit
                else 0.0
            )
            partner.effective_credit_limit = limit
            partner.credit_available_amount = (
                limit - partner.credit_used_amount if limit else 0.0
            )
            partner.credit_exceeded = bool(limit) and partner.credit_used_amount > limit

    def _search_receivable_amount(self, operator, value):
        return self._search_figure("receivable_amount", operator, value)

    def _search_overdue_amount(self, operator, value):
        return self._search_figure("overdue_amount", operator, value)

    @api.depends_context("company")
    def _compute_sales_figures(self):
        commercial_ids = self._origin.commercial_partner_id.ids
        figures = self._get_order_figures(commercial_ids)
        for commercial_id, values in self._get_invoice_figures(commercial_ids).items():
            figures.setdefault(commercial_id, {}).update(values)
        for partner in self:
            values = figures.get(partner._origin.commercial_partner_id.id, {})
            partner.last_order_date = values.get("last_order_date", False)
            partner.order_count_this_year = values.get("order_count_this_year", 0)
            partner.revenue_this_year = values.get("revenue_this_year", 0.0)
            partner.revenue_last_year = values.get("revenue_last_year", 0.0)
            partner.average_days_to_pay = values.get("average_days_to_pay", 0.0)

    def _search_last_order_date(self, operator, value):
        return self._search_figure("last_order_date", operator, value)

    def _search_order_count_this_year(self, operator, value):
        return self._search_figure("order_count_this_year", operator, value)

    def _search_revenue_this_year(self, operator, value):
        return self._search_figure("revenue_this_year", operator, value)

    def _search_revenue_last_year(self, operator, value):
        return self._search_figure("revenue_last_year", operator, value)

    def _search_average_days_to_pay(self, operator, value):
        return self._search_figure("average_days_to_pay", operator, value)

    @api.constrains("credit_limit", "credit_term_days")
    def _check_credit_settings(self):
        for partner in self.sudo():
            if partner.credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The credit limit of %(partner)s cannot be negative.",
                        partner=partner.display_name,
                    )
                )
            if partner.credit_term_days < 0:
                raise ValidationError(
                    self.env._(
                        "The credit term of %(partner)s cannot be a negative "
                        "number of days.",
                        partner=partner.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.browse()._check_credit_terms_access(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_credit_terms_access(vals)
        result = super().write(vals)
        if vals.get("credit_hold_lifted_until"):
            for partner in self:
                partner.message_post(
                    body=self.env._(
                        "Credit hold lifted until %(date)s by %(user)s.",
                        date=format_date(self.env, partner.credit_hold_lifted_until),
                        user=self.env.user.name,
                    )
                )
        return result

    # ------------------------------------------------------------
    # ORDERING
    # ------------------------------------------------------------

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        # Lets the customer list sort by the figures, computed in SQL per row.
        # Every read and search comes through here: test the name before anything.
        if fname in SORTABLE_FIGURES:
            return self._get_figure_sql(alias, fname)
        return super()._field_to_sql(alias, fname, query, flush)

    def _get_figure_sql(self, alias, fname):
        commercial = SQL.identifier(alias, "commercial_partner_id")
        company_id = self.env.company.id
        this_year = fields.Date.context_today(self).year
        if fname in ("receivable_amount", "overdue_amount"):
            self.env["account.move.line"].flush_model(
                ["partner_id", "company_id", "parent_state", "account_id"]
                + ["amount_residual", "reconciled", "date_maturity"]
            )
            overdue = SQL("TRUE")
            if fname == "overdue_amount":
                overdue = SQL(
                    "line.date_maturity < %s AND line.amount_residual > 0",
                    fields.Date.context_today(self),
                )
            return SQL(
                """(SELECT COALESCE(SUM(line.amount_residual), 0)
                      FROM account_move_line line
                      JOIN account_account account ON account.id = line.account_id
                      JOIN res_partner line_partner ON line_partner.id = line.partner_id
                     WHERE line_partner.commercial_partner_id = %(commercial)s
                       AND line.company_id = %(company_id)s
                       AND line.parent_state = 'posted'
                       AND account.account_type = 'asset_receivable'
                       AND line.reconciled IS NOT TRUE
                       AND %(overdue)s)""",
                commercial=commercial,
                company_id=company_id,
                overdue=overdue,
            )
        if fname in ("revenue_this_year", "revenue_last_year"):
            self.env["account.move"].flush_model(
                ["commercial_partner_id", "company_id", "state", "move_type"]
                + ["invoice_date", "amount_untaxed_signed"]
            )
            year = this_year if fname == "revenue_this_year" else this_year - 1
            return SQL(
                """(SELECT COALESCE(SUM(move.amount_untaxed_signed), 0)
                      FROM account_move move
                     WHERE move.commercial_partner_id = %(commercial)s
                       AND move.company_id = %(company_id)s
                       AND move.state = 'posted'
                       AND move.move_type IN ('out_invoice', 'out_refund')
                       AND move.invoice_date >= %(start)s
                       AND move.invoice_date < %(end)s)""",
                commercial=commercial,
                company_id=company_id,
                start=fields.Date.to_date(f"{year}-01-01"),
                end=fields.Date.to_date(f"{year + 1}-01-01"),
            )
        # last_order_date, order_count_this_year
        self.env["sale.order"].flush_model(
            ["partner_id", "company_id", "state", "date_order"]
        )
        aggregate = SQL("MAX(sale.date_order)")
        this_year_only = SQL("TRUE")
        if fname == "order_count_this_year":
            aggregate = SQL("COUNT(sale.id)")
            this_year_only = SQL(
                "sale.date_order >= %s", self._get_year_start(this_year)
            )
        return SQL(
            """(SELECT %(aggregate)s
                  FROM sale_order sale
                  JOIN res_partner sale_partner ON sale_partner.id = sale.partner_id
                 WHERE sale_partner.commercial_partner_id = %(commercial)s
                   AND sale.company_id = %(company_id)s
                   AND sale.state = 'sale'
                   AND %(this_year_only)s)""",
            aggregate=aggregate,
            commercial=commercial,
            company_id=company_id,
            this_year_only=this_year_only,
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_overdue_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("company_id", "=", self.env.company.id),
            ("state", "=", "posted"),
            ("line_ids", "any", self._get_overdue_line_domain()),
        ]
        action["context"] = {"create": False}
        action["display_name"] = self.env._("Overdue Invoices")
        return action

    def action_open_receivable_ledger(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_account_moves_all"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("company_id", "=", self.env.company.id),
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
        ]
        action["context"] = {"create": False, "search_default_unreconciled": 1}
        action["display_name"] = self.env._("Receivable Ledger")
        return action

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    def _get_receivable_line_domain(self, commercial_ids=None):
        domain = [
            ("company_id", "=", self.env.company.id),
            ("parent_state", "=", "posted"),
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
        ]
        if commercial_ids is not None:
            domain.append(("partner_id.commercial_partner_id", "in", commercial_ids))
        return domain

    def _get_overdue_line_domain(self):
        return [
            ("account_type", "=", "asset_receivable"),
            ("reconciled", "=", False),
            ("amount_residual", ">", 0),
            ("date_maturity", "<", fields.Date.context_today(self)),
        ]

    @api.model
    def _get_receivable_figures(self, commercial_ids=None):
        """Receivable balance and overdue figures per commercial partner (all of
        them when ``commercial_ids`` is None), in two grouped queries."""
        # Salespeople see the figures, never the journal items (no accounting rights).
        lines = self.env["account.move.line"].sudo().with_context(active_test=False)
        domain = self._get_receivable_line_domain(commercial_ids)
        figures = {}
        for partner, balance in lines._read_group(
            domain, ["partner_id"], ["amount_residual:sum"]
        ):
            commercial = figures.setdefault(
                partner.commercial_partner_id.id, self._get_empty_debt_figures()
            )
            commercial["receivable_amount"] += balance
        today = fields.Date.context_today(self)
        for partner, overdue, count, oldest in lines._read_group(
            domain + self._get_overdue_line_domain(),
            ["partner_id"],
            ["amount_residual:sum", "move_id:count_distinct", "date_maturity:min"],
        ):
            commercial = figures.setdefault(
                partner.commercial_partner_id.id, self._get_empty_debt_figures()
            )
            commercial["overdue_amount"] += overdue
            commercial["overdue_invoice_count"] += count
            commercial["overdue_days"] = max(
                commercial["overdue_days"], (today - oldest).days
            )
        return figures

    @api.model
    def _get_empty_debt_figures(self):
        return {
            "receivable_amount": 0.0,
            "overdue_amount": 0.0,
            "overdue_invoice_count": 0,
            "overdue_days": 0,
        }

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

    @api.model
    def _get_order_figures(self, commercial_ids=None):
        """Last order date and orders confirmed this year per commercial partner,
        in two grouped queries."""
        orders = self.env["sale.order"].sudo().with_context(active_test=False)
        domain = [("company_id", "=", self.env.company.id), ("state", "=", "sale")]
        if commercial_ids is not None:
            domain.append(("partner_id.commercial_partner_id", "in", commercial_ids))
        figures = {}
        for partner, last_date in orders._read_group(
            domain, ["partner_id"], ["date_order:max"]
        ):
            values = figures.setdefault(
                partner.commercial_partner_id.id,
                {"last_order_date": False, "order_count_this_year": 0},
            )
            values["last_order_date"] = max(
                values["last_order_date"] or last_date, last_date
            )
        year_start = self._get_year_start(fields.Date.context_today(self).year)
        for partner, count in orders._read_group(
            domain + [("date_order", ">=", year_start)], ["partner_id"], ["__count"]
        ):
            figures[partner.commercial_partner_id.id]["order_count_this_year"] += count
        return figures

    @api.model
    def _get_invoice_figures(self, commercial_ids=None):
        """Revenue of this and last year and average days to pay per commercial
        partner, in two grouped queries."""
        company = self.env.company
        this_year = fields.Date.context_today(self).year
        moves = self.env["account.move"].sudo()
        domain = [
            ("company_id", "=", company.id),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("invoice_date", ">=", fields.Date.to_date(f"{this_year - 1}-01-01")),
        ]
        if commercial_ids is not None:
            domain.append(("commercial_partner_id", "in", commercial_ids))
        figures = {}
        for partner, year, revenue in moves._read_group(
            domain,
            ["commercial_partner_id", "invoice_date:year"],
            ["amount_untaxed_signed:sum"],
        ):
            values = figures.setdefault(partner.id, self._get_empty_invoice_figures())
            if year.year == this_year:
                values["revenue_this_year"] += revenue
            elif year.year == this_year - 1:
                values["revenue_last_year"] += revenue
        # An invoice is settled on the latest date of its reconciliations.
        partials = self.env["account.partial.reconcile"].sudo()
        partial_domain = [
            ("company_id", "=", company.id),
            ("debit_move_id.move_id.move_type", "=", "out_invoice"),
            ("debit_move_id.move_id.state", "=", "posted"),
            ("debit_move_id.move_id.payment_state", "in", ("paid", "in_payment")),
        ]
        if commercial_ids is not None:
            partial_domain.append(
                ("debit_move_id.move_id.commercial_partner_id", "in", commercial_ids)
            )
        settled = {}
        for line, settled_on in partials._read_group(
            partial_domain, ["debit_move_id"], ["max_date:max"]
        ):
            invoice = line.move_id
            settled[invoice] = max(settled.get(invoice, settled_on), settled_on)
        delays = {}
        for invoice, settled_on in settled.items():
            delays.setdefault(invoice.commercial_partner_id.id, []).append(
                (settled_on - invoice.invoice_date).days
            )
        for partner_id, days in delays.items():
            values = figures.setdefault(partner_id, self._get_empty_invoice_figures())
            values["average_days_to_pay"] = sum(days) / len(days)
        return figures

    @api.model
    def _get_empty_invoice_figures(self):
        return {
            "revenue_this_year": 0.0,
            "revenue_last_year": 0.0,
            "average_days_to_pay": 0.0,
        }

    @api.model
    def _get_figures_by_field(self):
        """Which grouped computation gives each searchable figure."""
        return {
            "receivable_amount": self._get_receivable_figures,
            "overdue_amount": self._get_receivable_figures,
            "last_order_date": self._get_order_figures,
            "order_count_this_year": self._get_order_figures,
            "revenue_this_year": self._get_invoice_figures,
            "revenue_last_year": self._get_invoice_figures,
            "average_days_to_pay": self._get_invoice_figures,
        }

    @api.model
    def _search_figure(self, fname, operator, value):
        if operator not in SEARCH_OPERATORS:
            raise UserError(
                self.env._(
                    "Customers cannot be searched on this figure with the "
                    "operator %(operator)s.",
                    operator=operator,
                )
            )
        compare = SEARCH_OPERATORS[operator]
        is_date = self._fields[fname].type == "datetime"
        if is_date and value:
            value = fields.Datetime.to_datetime(value)
        figures = self._get_figures_by_field()[fname]()

        def matches(figure):
            if not is_date:
                return compare(figure or 0, value or 0)
            if not figure or not value:
                # No date is only equal, or not, to no date.
                return operator in ("=", "!=") and compare(bool(figure), bool(value))
            return compare(figure, value)

        if matches(False):
            # Customers without any figure match too: exclude those that do not.
            return [
                (
                    "commercial_partner_id",
                    "not in",
                    [
                        partner_id
                        for partner_id, values in figures.items()
                        if not matches(values.get(fname))
                    ],
                )
            ]
        return [
            (
                "commercial_partner_id",
                "in",
                [
                    partner_id
                    for partner_id, values in figures.items()
                    if matches(values.get(fname))
                ],
            )
        ]

    def _check_credit_terms_access(self, vals):
        """Credit terms are the accounting department's to set, as Odoo's credit
        limit is, and lifting a credit hold its managers'; the sales side reads
        them."""
        if self.env.su:
            return
        for fname, group, message in self._get_credit_terms_rights():
            if fname not in vals or self.env.user.has_group(group):
                continue
            new_value = vals[fname] or False
            if any((partner[fname] or False) != new_value for partner in self) or (
                not self and new_value
            ):
                raise AccessError(message)

    def _get_credit_terms_rights(self):
        terms_message = self.env._(
            "Only the accounting department can change a customer's credit term "
            "and payment conditions."
        )
        return [
            ("credit_term_days", "account.group_account_invoice", terms_message),
            ("payment_conditions", "account.group_account_invoice", terms_message),
            (
                "credit_hold_lifted_until",
                "account.group_account_manager",
                self.env._("Only accounting managers can lift a credit hold."),
            ),
        ]

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
