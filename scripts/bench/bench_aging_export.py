"""Receivable aging xlsx for 200,000 open items: the export against the aging query.

Builds 100,000 customers and 200,000 posted, open receivable items set-based (two per
customer, spread over the aging buckets), then measures, as the administrator (no
superuser): the aging query alone (executed and fetched), the whole xlsx export (to a
temporary file), its query count and its peak Python memory (tracemalloc, on a separate
run). Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_aging_export.py
"""

import statistics
import tempfile
import time
import tracemalloc

from odoo import fields

CUSTOMERS = 100_000
ITEMS = 200_000
RUNS = 3


def build(env, company):
    cr = env.cr
    started = time.time()
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                 customer_type, company_id, autopost_bills)
        SELECT 'Aging ' || g, 'Aging ' || g, TRUE, TRUE, 'contact', 'customer', %s,
               'ask'
          FROM generate_series(1, %s) g
        RETURNING id
        """,
        [company.id, CUSTOMERS],
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
    cr.execute(
        """
        WITH moves AS (
            INSERT INTO account_move (journal_id, currency_id, company_id, state,
                                      move_type, auto_post, date, invoice_date,
                                      name, partner_id, commercial_partner_id)
            SELECT %(journal)s, %(currency)s, %(company)s, 'posted', 'out_invoice',
                   'no', CURRENT_DATE - g %% 150, CURRENT_DATE - g %% 150,
                   'AGING/' || g, (%(partners)s::int[])[1 + g %% %(customers)s],
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
        {
            "journal": journal.id,
            "currency": company.currency_id.id,
            "company": company.id,
            "partners": partner_ids,
            "customers": CUSTOMERS,
            "items": ITEMS,
            "account": receivable.id,
        },
    )
    for table in ("res_partner", "account_move", "account_move_line"):
        cr.execute(f"ANALYZE {table}")  # pylint: disable=sql-injection
    print(f"built in {time.time() - started:.1f}s")


def bench(env):
    company = env.ref("base.main_company")
    build(env, company)
    admin = env.ref("base.user_admin")
    uenv = env(user=admin, su=False, context={"allowed_company_ids": [company.id]})
    wizard = uenv["crm.receivable.aging.wizard"].create({"company_id": company.id})
    Report = uenv["crm.receivable.aging.report"]
    today = fields.Date.context_today(wizard)

    def aging_query():
        env.cr.execute(Report._get_aging_query(company, today, []))
        return len(env.cr.fetchall())

    def export():
        uenv.invalidate_all()
        with tempfile.TemporaryFile() as output:
            return wizard._write_xlsx(output)

    rows = aging_query()
    query_timings, export_timings = [], []
    for _run in range(RUNS):
        started = time.perf_counter()
        aging_query()
        query_timings.append(time.perf_counter() - started)
        before = env.cr.sql_log_count
        started = time.perf_counter()
        lines = export()
        export_timings.append(time.perf_counter() - started)
        queries = env.cr.sql_log_count - before
    tracemalloc.start()
    export()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    query_s = statistics.median(query_timings)
    export_s = statistics.median(export_timings)
    print(
        f"{ITEMS:,} open items, {rows:,} aging rows, {lines:,} sheet rows: "
        f"xlsx export {export_s:.2f} s ({queries} queries), aging query alone "
        f"{query_s:.2f} s, ratio {export_s / query_s:.2f}x; "
        f"peak Python memory of the export {peak / 2**20:.1f} MB"
    )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
