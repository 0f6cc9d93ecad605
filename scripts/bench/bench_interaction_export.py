"""Interaction log xlsx for 1,000,000 interactions: the export against its own query.

Builds 20,000 customers and 1,000,000 interactions set-based (spread over one month,
each with a salesperson, a type, a contact, a result and a next date), then
measures, as the sales manager (no superuser): the export's query alone (the one
SELECT of every displayed column, names joined, fetched through its server-side
cursor), the whole xlsx export of the month (to a temporary file) with its query
count (one run: a run writes 1,000,000 rows), and the peak Python memory of the export
(tracemalloc, on the warm-up run).
Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_interaction_export.py
(BENCH_INTERACTIONS=200000 make shell < ... for a shorter run)
BENCH_PROFILE=1 also prints a profile of one more export (cProfile).
"""

import datetime
import os
import sys
import tempfile
import time

from odoo.addons.crm_customer.tools import iter_query_batches

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import (
    analyze,
    insert_customers,
    machine,
    measure,
    memory_peak_mib,
    profile_if_asked,
    ratio,
)

CUSTOMERS = 20_000
# BENCH_INTERACTIONS=200000 for a shorter run
INTERACTIONS = int(os.environ.get("BENCH_INTERACTIONS", "1000000"))
MONTH = datetime.date(2026, 1, 1)
RUNS = 1


def build(env, company):
    cr = env.cr
    started = time.time()
    users = env["res.users"].search([("share", "=", False)])
    types = env["crm.customer.interaction.type"].search([])
    partner_ids = insert_customers(
        env, company, CUSTOMERS, "Khách hàng", customer_code="'IBENCH-' || g"
    )
    cr.execute(
        """
        INSERT INTO crm_customer_interaction (name, partner_id, contact_id, user_id,
                                              type_id, company_id, state,
                                              date_start, date_end, result,
                                              next_date)
        SELECT 'Gọi điện ' || g, (%(partners)s::int[])[1 + g %% %(customers)s],
               (%(partners)s::int[])[1 + (g + 1) %% %(customers)s],
               (%(users)s::int[])[1 + g %% %(user_count)s],
               (%(types)s::int[])[1 + g %% %(type_count)s], %(company)s,
               (ARRAY['planned', 'done', 'cancel'])[1 + g %% 3],
               %(month)s::timestamp + (g %% 2592000) * INTERVAL '1 second',
               %(month)s::timestamp + (g %% 2592000 + 1800) * INTERVAL '1 second',
               'Báo giá cước biển ' || g, %(month)s::date + 40
          FROM generate_series(1, %(interactions)s) g
        """,
        {
            "partners": partner_ids,
            "customers": CUSTOMERS,
            "users": users.ids,
            "user_count": len(users),
            "types": types.ids,
            "type_count": len(types),
            "company": company.id,
            "month": MONTH,
            "interactions": INTERACTIONS,
        },
    )
    analyze(cr, "res_partner", "crm_customer_interaction")
    print(f"built in {time.time() - started:.1f}s")


def bench(env):
    company = env.ref("base.main_company")
    build(env, company)
    manager = env["res.users"].search([("login", "=", "hung.manager")])
    uenv = env(
        user=manager,
        su=False,
        context={"allowed_company_ids": [company.id], "tz": "Asia/Ho_Chi_Minh"},
    )
    wizard = uenv["crm.customer.interaction.export.wizard"].create(
        {"date_from": MONTH, "date_to": MONTH.replace(day=31)}
    )

    def query():
        _columns, sql = wizard._export_select()
        return sum(len(batch) for batch in iter_query_batches(env.cr, sql))

    def export():
        with tempfile.TemporaryFile() as output:
            return wizard._write_xlsx(output)

    peak = memory_peak_mib(export)
    reference = measure(uenv, query, RUNS, warm=False)
    suite = measure(uenv, export, RUNS, warm=False)
    print(
        f"{INTERACTIONS:,} interactions, {reference.result:,} query rows, "
        f"{suite.result:,} sheet rows: xlsx export {suite.seconds:.2f} s "
        f"({suite.queries} queries), its query alone {reference.seconds:.2f} s, "
        f"ratio {ratio(suite, reference):.2f}x; "
        f"peak Python memory of the export {peak:.1f} MB; {machine()}"
    )
    profile_if_asked(export)
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
