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

import sys
import time

from odoo import fields

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import (
    analyze,
    insert_customers,
    insert_open_invoices,
    machine,
    measure,
    ratio,
)

CUSTOMERS = 10_000
SALESPEOPLE = 50
ITEMS = 100_000
RUNS = 3


def build(env, company):
    cr = env.cr
    started = time.time()
    users = env["res.users"].search([("share", "=", False)], limit=SALESPEOPLE)
    partner_ids = insert_customers(
        env,
        company,
        CUSTOMERS,
        "Collect",
        user_id=f"(ARRAY{users.ids})[1 + g %% {len(users)}]",
    )
    journal, receivable = insert_open_invoices(
        env, company, partner_ids, ITEMS, "COLLECT/", 180
    )
    params = {
        "journal": journal.id,
        "currency": company.currency_id.id,
        "company": company.id,
        "account": receivable.id,
    }
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
    analyze(
        cr,
        "res_partner",
        "account_move",
        "account_move_line",
        "account_partial_reconcile",
    )
    print(f"built in {time.time() - started:.1f}s")


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
        return Report.web_read_group(
            [("date", "=", this_month)],
            ["target_amount:sum", "expected_amount:sum", "collected_amount:sum"],
            ["user_id"],
        )["length"]

    def aging():
        env.cr.execute(Aging._get_aging_query(company, today, []))
        return len(env.cr.fetchall())

    suite = measure(uenv, pivot, RUNS)
    reference = measure(uenv, aging, RUNS)
    print(
        f"{ITEMS:,} receivable items, {CUSTOMERS:,} customers, {suite.result} "
        f"salespeople: this month's collections pivot {suite.seconds:.2f} s "
        f"({suite.queries} queries), aging query of the same items "
        f"{reference.seconds:.2f} s, ratio {ratio(suite, reference):.2f}x; {machine()}"
    )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
