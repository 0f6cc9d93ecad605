"""Receivable aging xlsx for 200,000 open items: the export against the aging query.

Builds 100,000 customers and 200,000 posted, open receivable items set-based (two per
customer, spread over the aging buckets), then measures, as the administrator (no
superuser): the aging query alone (fetched through a server-side cursor, as the
export reads it), the whole xlsx export (to a temporary file), its query count and its
peak Python memory (tracemalloc, on a separate run). Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_aging_export.py
BENCH_PROFILE=1 also prints a profile of one more export (cProfile).
"""

import sys
import tempfile
import time

from odoo import fields

from odoo.addons.crm_customer.tools import iter_query_batches

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import (
    analyze,
    insert_customers,
    insert_open_invoices,
    machine,
    measure,
    memory_peak_mib,
    profile_if_asked,
    ratio,
)

CUSTOMERS = 100_000
ITEMS = 200_000
RUNS = 3


def build(env, company):
    started = time.time()
    partner_ids = insert_customers(env, company, CUSTOMERS, "Aging")
    insert_open_invoices(env, company, partner_ids, ITEMS, "AGING/", 150)
    analyze(env.cr, "res_partner", "account_move", "account_move_line")
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
        query = Report._get_aging_query(company, today, [])
        return sum(len(batch) for batch in iter_query_batches(env.cr, query))

    def export():
        with tempfile.TemporaryFile() as output:
            return wizard._write_xlsx(output)

    reference = measure(uenv, aging_query, RUNS)
    suite = measure(uenv, export, RUNS)
    peak = memory_peak_mib(export)
    print(
        f"{ITEMS:,} open items, {reference.result:,} aging rows, "
        f"{suite.result:,} sheet rows: xlsx export {suite.seconds:.2f} s "
        f"({suite.queries} queries), aging query alone {reference.seconds:.2f} s, "
        f"ratio {ratio(suite, reference):.2f}x; "
        f"peak Python memory of the export {peak:.1f} MB; {machine()}"
    )
    profile_if_asked(export)
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
