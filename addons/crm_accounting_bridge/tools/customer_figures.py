"""The SQL expression of each customer figure, database-free.

Every function returns an :class:`odoo.tools.SQL` scalar subquery giving one figure of
the customer whose commercial partner is ``commercial`` (an SQL expression, usually
the ``commercial_partner_id`` column of the partner row being read, searched or
sorted), in the company ``company_id``. Reading, searching and sorting all use these
expressions, so a figure is defined here once.

Given ``commercial=None``, a function returns the same figure for every customer at
once instead: a grouped subquery of rows ``(commercial_partner_id, value)``, which
sorting joins (one aggregate over the documents rather than one subquery per
customer). Customers without documents have no row: their value is
:func:`empty_value`.
"""

from odoo.tools import SQL

RECEIVABLE_FIGURES = (
    "receivable_amount",
    "overdue_amount",
    "overdue_invoice_count",
    "overdue_days",
)
ORDER_FIGURES = ("last_order_date", "order_count_this_year")
REVENUE_FIGURES = ("revenue_this_year", "revenue_last_year")
SQL_FIGURES = (
    RECEIVABLE_FIGURES
    + ORDER_FIGURES
    + REVENUE_FIGURES
    + ("effective_credit_limit", "average_days_to_pay")
)


def figure_query(aggregate, key, body, commercial):
    """The figure ``aggregate`` over the rows of ``body`` (``FROM ... WHERE ...``)
    whose commercial partner is ``key``: a scalar subquery for the customer
    ``commercial``, or grouped by ``key`` for every customer when it is None."""
    if commercial is None:
        return SQL(
            "(SELECT %s AS commercial_partner_id, %s AS value %s GROUP BY %s)",
            key,
            aggregate,
            body,
            key,
        )
    return SQL("(SELECT %s %s AND %s = %s)", aggregate, body, key, commercial)


def empty_value(fname):
    """The value of figure ``fname`` for a customer without any document."""
    return SQL("NULL") if fname == "last_order_date" else SQL("0")


def receivable_sql(fname, commercial, company_id, today):
    """Open posted receivable items: their balance, or for the overdue figures the
    unpaid installments due before ``today`` (amount, invoices, days late)."""
    aggregate = {
        "receivable_amount": SQL("COALESCE(SUM(line.amount_residual), 0)"),
        "overdue_amount": SQL("COALESCE(SUM(line.amount_residual), 0)"),
        "overdue_invoice_count": SQL("COUNT(DISTINCT line.move_id)"),
        "overdue_days": SQL("COALESCE(%s - MIN(line.date_maturity), 0)", today),
    }[fname]
    overdue = SQL("TRUE")
    if fname != "receivable_amount":
        overdue = SQL("line.date_maturity < %s AND line.amount_residual > 0", today)
    body = SQL(
        """FROM account_move_line line
             JOIN account_account account ON account.id = line.account_id
             JOIN res_partner line_partner ON line_partner.id = line.partner_id
            WHERE line.company_id = %(company_id)s
              AND line.parent_state = 'posted'
              AND account.account_type = 'asset_receivable'
              AND line.reconciled IS NOT TRUE
              AND %(overdue)s""",
        company_id=company_id,
        overdue=overdue,
    )
    key = SQL("line_partner.commercial_partner_id")
    return figure_query(aggregate, key, body, commercial)


def credit_limit_sql(commercial, limit):
    """The credit limit ``limit`` (an expression on the row ``limit_partner``) of
    the commercial partner."""
    return SQL(
        "(SELECT COALESCE(%s, 0) FROM res_partner limit_partner "
        "WHERE limit_partner.id = %s)",
        limit,
        commercial,
    )


def order_sql(fname, commercial, company_id, year_start):
    """Confirmed sales orders: the latest order date, or the number of orders dated
    from ``year_start`` (a UTC datetime)."""
    aggregate, this_year_only = SQL("MAX(sale.date_order)"), SQL("TRUE")
    if fname == "order_count_this_year":
        aggregate = SQL("COUNT(sale.id)")
        this_year_only = SQL("sale.date_order >= %s", year_start)
    body = SQL(
        """FROM sale_order sale
             JOIN res_partner sale_partner ON sale_partner.id = sale.partner_id
            WHERE sale.company_id = %(company_id)s
              AND sale.state = 'sale'
              AND %(this_year_only)s""",
        company_id=company_id,
        this_year_only=this_year_only,
    )
    key = SQL("sale_partner.commercial_partner_id")
    return figure_query(aggregate, key, body, commercial)


def revenue_sql(commercial, company_id, start, end):
    """Untaxed amount of the posted invoices less credit notes dated from ``start``
    to before ``end``."""
    body = SQL(
        """FROM account_move move
            WHERE move.company_id = %(company_id)s
              AND move.state = 'posted'
              AND move.move_type IN ('out_invoice', 'out_refund')
              AND move.invoice_date >= %(start)s
              AND move.invoice_date < %(end)s""",
        company_id=company_id,
        start=start,
        end=end,
    )
    aggregate = SQL("COALESCE(SUM(move.amount_untaxed_signed), 0)")
    key = SQL("move.commercial_partner_id")
    return figure_query(aggregate, key, body, commercial)


def days_to_pay_sql(commercial, company_id):
    """Average days from the invoice date to the latest reconciliation of the paid
    invoices (an invoice is settled on that date)."""
    body = SQL(
        """FROM (SELECT move.commercial_partner_id AS commercial,
                        MAX(partial.max_date) - move.invoice_date AS days
                   FROM account_partial_reconcile partial
                   JOIN account_move_line line ON line.id = partial.debit_move_id
                   JOIN account_move move ON move.id = line.move_id
                  WHERE partial.company_id = %(company_id)s
                    AND move.move_type = 'out_invoice'
                    AND move.state = 'posted'
                    AND move.payment_state IN ('paid', 'in_payment')
                  GROUP BY move.id, move.commercial_partner_id) settled
            WHERE TRUE""",
        company_id=company_id,
    )
    aggregate = SQL("COALESCE(AVG(settled.days), 0)")
    return figure_query(aggregate, SQL("settled.commercial"), body, commercial)
