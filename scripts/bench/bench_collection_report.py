"""Collections report over 100,000 receivable items: the pivot's read against the aging.

Builds 10,000 customers over 50 salespeople and 100,000 posted receivable items
set-based (due dates spread over the last six months and the next one, half of them
partly paid by a reconciliation), then measures, as the administrator (no superuser):
this month's pivot (target, expected and collected per salesperson: the menu's default
view) and its query count, against the reference, the receivable aging query of the
same items (one pass over them with their reconciliations, what any receivable report
pays). Warm medians; everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_collection_report.py
"""

import statistics
import time

from odoo import fields

CUSTOMERS = 10_000
SALESPEOPLE = 50
ITEMS = 100_000
RUNS = 3


def build(env, company):
    cr = env.cr
    started = time.time()
    users = env["res.users"].search([("share", "=", False)], limit=SALESPEOPLE)
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                 customer_type, company_id, autopost_bills, user_id)
        SELECT 'Collect ' || g, 'Collect ' || g, TRUE, TRUE, 'contact', 'customer',
               %s, 'ask', (%s::int[])[1 + g %% %s]
          FROM generate_series(1, %s) g
        RETURNING id
        """,
        [company.id, users.ids, len(users), CUSTOMERS],
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        [partner_ids],
    )
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    receivable = env["account.account"].search(
        [
            ("account_type", "=", "asset_receivable"),
            ("company_ids", "in", company.id),
        ],
        limit=1,
    )
    params = {
        "journal": journal.id,
        "currency": company.currency_id.id,
        "company": company.id,
        "partners": partner_ids,
        "customers": CUSTOMERS,
        "items": ITEMS,
        "account": receivable.id,
    }
    cr.execute(
        """
        WITH moves AS (
            INSERT INTO account_move (journal_id, currency_id, company_id, state,
                                      move_type, auto_post, date, invoice_date,
                                      name, partner_id, commercial_partner_id)
            SELECT %(journal)s, %(currency)s, %(company)s, 'posted', 'out_invoice',
                   'no', CURRENT_DATE - g %% 180, CURRENT_DATE - g %% 180,
                   'COLLECT/' || g, (%(partners)s::int[])[1 + g %% %(customers)s],
                   (%(partners)s::int[])[1 + g %% %(customers)s]
              FROM generate_series(1, %(items)s) g
            RETURNING id, partner_id, date
        )
        INSERT INTO account_move_line (move_id, journal_id, company_id, account_id,
                                       partner_id, currency_id,
                                       company_currency_id, date, date_maturity,
                                       parent_state, display_type, amount_currency,
                                       balance, debit, credit, amount_residual,
                                       amount_residual_currency, reconciled, name)
        SELECT id, %(journal)s, %(company)s, %(account)s, partner_id, %(currency)s,
               %(currency)s, date, date + 30, 'posted', 'payment_term',
               1000 + id %% 997, 1000 + id %% 997, 1000 + id %% 997, 0,
               1000 + id %% 997, 1000 + id %% 997, FALSE, 'item'
          FROM moves
        """,
        params,
    )
    # half of the items partly paid: one payment line each, matched with 300
    cr.execute(
        """
        WITH paid AS (
            SELECT line.id, line.partner_id, line.date + 20 AS date
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
             WHERE move.name LIKE 'COLLECT/%%' AND line.id %% 2 = 0
        ),
        payments AS (
            INSERT INTO account_move_line (move_id, journal_id, company_id,
                                           account_id, partner_id, currency_id,
                                           company_currency_id, date,
                                           parent_state, display_type,
                                           amount_currency, balance,
                                           debit, credit, amount_residual,
                                           amount_residual_currency, reconciled,
                                           name)
            SELECT (SELECT id FROM account_move WHERE name = 'COLLECT/1'),
                   %(journal)s, %(company)s, %(account)s, paid.partner_id,
                   %(currency)s, %(currency)s, paid.date, 'posted', 'payment_term',
                   -300, -300, 0,
                   300, 0, 0, TRUE, 'payment ' || paid.id
              FROM paid
            RETURNING id, name, date
        )
        INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id,
                                               company_id, debit_currency_id,
                                               credit_currency_id, amount,
                                               debit_amount_currency,
                                               credit_amount_currency, max_date)
        SELECT substr(payments.name, 9)::int, payments.id, %(company)s,
               %(currency)s, %(currency)s, 300, 300, 300, payments.date
          FROM payments
        """,
        params,
    )
    for table in (
        "res_partner",
        "account_move",
        "account_move_line",
        "account_partial_reconcile",
    ):
        cr.execute(f"ANALYZE {table}")  # pylint: disable=sql-injection
    print(f"built in {time.time() - started:.1f}s")


def median_time(function):
    function()
    timings = []
    for _run in range(RUNS):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def bench(env):
    company = env.ref("base.main_company")
    build(env, company)
    admin = env.ref("base.user_admin")
    uenv = env(user=admin, su=False, context={"allowed_company_ids": [company.id]})
    Report = uenv["crm.collection.report"]
    Aging = uenv["crm.receivable.aging.report"]
    today = fields.Date.context_today(Report)
    this_month = today.replace(day=1)

    def pivot():
        uenv.invalidate_all()
        return Report.web_read_group(
            [("date", "=", this_month)],
            ["target_amount:sum", "expected_amount:sum", "collected_amount:sum"],
            ["user_id"],
        )["length"]

    def aging():
        env.cr.execute(Aging._get_aging_query(company, today, []))
        return len(env.cr.fetchall())

    groups = pivot()
    before = env.cr.sql_log_count
    pivot()
    queries = env.cr.sql_log_count - before
    pivot_s = median_time(pivot)
    aging_s = median_time(aging)
    print(
        f"{ITEMS:,} receivable items, {CUSTOMERS:,} customers, {groups} salespeople: "
        f"this month's collections pivot {pivot_s:.2f} s ({queries} queries), "
        f"aging query of the same items {aging_s:.2f} s, "
        f"ratio {pivot_s / aging_s:.2f}x"
    )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
