"""Customer xlsx for 100,000 customers: the export against its own query.

Builds 100,000 customers set-based (a salesperson, a country, a city, a phone, an
email, a code and two classification values each), then measures, as the sales
manager (no superuser): the export's query alone (the one SELECT of every displayed
column, names joined, fetched through its server-side cursor), the whole xlsx export
(to a temporary file) with its query count, and the peak Python memory of the export
(tracemalloc, on the warm-up run). Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_customer_export.py
"""

import statistics
import tempfile
import time
import tracemalloc

from odoo.addons.crm_customer.tools import iter_query_batches

CUSTOMERS = 100_000
RUNS = 3


def build(env, company):
    cr = env.cr
    started = time.time()
    users = env["res.users"].search([("share", "=", False)])
    values = env["crm.customer.classification"].search([])
    # two values of different criteria per customer
    first, second = (
        values.filtered(lambda v, c=criterion: v.criterion_id == c)
        for criterion in values.criterion_id[:2]
    )
    cr.execute(
        """
        WITH partners AS (
            INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                     customer_type, customer_status, customer_code,
                                     short_code, user_id, company_id, country_id,
                                     city, phone, email, autopost_bills)
            SELECT 'Khách hàng ' || g, 'Khách hàng ' || g, TRUE, TRUE, 'contact',
                   'customer', 'active', 'BENCH-' || g, 'KH' || g,
                   (%(users)s::int[])[1 + g %% %(user_count)s], %(company)s,
                   %(country)s, 'Hà Nội', '+84 24 ' || g, 'kh' || g || '@example.com',
                   'ask'
              FROM generate_series(1, %(customers)s) g
            RETURNING id
        ), firsts AS (
            INSERT INTO res_partner_crm_customer_classification_rel
                   (partner_id, classification_id)
            SELECT id, (%(first)s::int[])[1 + id %% %(first_count)s] FROM partners
        )
        INSERT INTO res_partner_crm_customer_classification_rel
               (partner_id, classification_id)
        SELECT id, (%(second)s::int[])[1 + id %% %(second_count)s] FROM partners
        """,
        {
            "users": users.ids,
            "user_count": len(users),
            "company": company.id,
            "country": env.ref("base.vn").id,
            "customers": CUSTOMERS,
            "first": first.ids,
            "first_count": len(first),
            "second": second.ids,
            "second_count": len(second),
        },
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE customer_code LIKE 'BENCH-%'"
    )
    for table in ("res_partner", "res_partner_crm_customer_classification_rel"):
        cr.execute(f"ANALYZE {table}")  # pylint: disable=sql-injection
    print(f"built in {time.time() - started:.1f}s")


def bench(env):
    company = env.ref("base.main_company")
    build(env, company)
    manager = env["res.users"].search([("login", "=", "hung.manager")])
    uenv = env(user=manager, su=False, context={"allowed_company_ids": [company.id]})
    wizard = uenv["crm.customer.export.wizard"].create(
        {"domain": repr([("customer_code", "like", "BENCH-")])}
    )

    def query():
        _columns, sql = wizard._export_select()
        return sum(len(batch) for batch in iter_query_batches(env.cr, sql))

    def export():
        uenv.invalidate_all()
        with tempfile.TemporaryFile() as output:
            return wizard._write_xlsx(output)

    tracemalloc.start()
    export()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    query_timings, export_timings = [], []
    for _run in range(RUNS):
        started = time.perf_counter()
        rows = query()
        query_timings.append(time.perf_counter() - started)
        before = env.cr.sql_log_count
        started = time.perf_counter()
        lines = export()
        export_timings.append(time.perf_counter() - started)
        queries = env.cr.sql_log_count - before
    query_s = statistics.median(query_timings)
    export_s = statistics.median(export_timings)
    print(
        f"{CUSTOMERS:,} customers, {rows:,} query rows, {lines:,} sheet rows: "
        f"xlsx export {export_s:.2f} s ({queries} queries), its query alone "
        f"{query_s:.2f} s, ratio {export_s / query_s:.2f}x; "
        f"peak Python memory of the export {peak / 2**20:.1f} MB"
    )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
