"""Customer xlsx for 100,000 customers: the export against its own query.

Builds 100,000 customers set-based (a salesperson, a country, a city, a phone, an
email, a code and two classification values each), then measures, as the sales
manager (no superuser): the export's query alone (the one SELECT of every displayed
column, names joined, fetched through its server-side cursor), the whole xlsx export
(to a temporary file) with its query count, and the peak Python memory of the export
(tracemalloc, on the warm-up run). Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_customer_export.py
BENCH_PROFILE=1 also prints a profile of one more export (cProfile).
"""

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
    partner_ids = insert_customers(
        env,
        company,
        CUSTOMERS,
        "Khách hàng",
        customer_status="'active'",
        customer_code="'BENCH-' || g",
        short_code="'KH' || g",
        user_id=f"(ARRAY{users.ids})[1 + g %% {len(users)}]",
        country_id=str(env.ref("base.vn").id),
        city="'Hà Nội'",
        phone="'+84 24 ' || g",
        email="'kh' || g || '@example.com'",
    )
    cr.execute(
        """
        INSERT INTO res_partner_crm_customer_classification_rel
               (partner_id, classification_id)
        SELECT id, (%(first)s::int[])[1 + id %% %(first_count)s]
          FROM unnest(%(partners)s) id
         UNION ALL
        SELECT id, (%(second)s::int[])[1 + id %% %(second_count)s]
          FROM unnest(%(partners)s) id
        """,
        {
            "partners": partner_ids,
            "first": first.ids,
            "first_count": len(first),
            "second": second.ids,
            "second_count": len(second),
        },
    )
    analyze(cr, "res_partner", "res_partner_crm_customer_classification_rel")
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
        with tempfile.TemporaryFile() as output:
            return wizard._write_xlsx(output)

    peak = memory_peak_mib(export)
    reference = measure(uenv, query, RUNS, warm=False)
    suite = measure(uenv, export, RUNS, warm=False)
    print(
        f"{CUSTOMERS:,} customers, {reference.result:,} query rows, "
        f"{suite.result:,} sheet rows: xlsx export {suite.seconds:.2f} s "
        f"({suite.queries} queries), its query alone {reference.seconds:.2f} s, "
        f"ratio {ratio(suite, reference):.2f}x; "
        f"peak Python memory of the export {peak:.1f} MB; {machine()}"
    )
    profile_if_asked(export)
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
