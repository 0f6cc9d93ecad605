"""Rate search among 1,000,000 price lines: EXPLAIN and timing, then rolled back.

Run on the demo database: make shell < scripts/bench/bench_rate_search.py
"""

import time

from odoo import fields

from odoo.addons.crm_freight_pricing.tests.common import explain_rate_search

INSERT_LINES = """
    INSERT INTO freight_rate_line (rate_id, price, weight_break, carrier_id,
        freight_mode, origin_id, destination_id, date_from, date_to, state, company_id)
    SELECT %s, 10, g, %s, (ARRAY['air', 'sea_fcl', 'sea_lcl', 'truck'])[1 + g %% 4],
           (%s::int[])[1 + (g / 7) %% %s], (%s::int[])[1 + (g / 3) %% %s],
           CURRENT_DATE - (g %% 60), CURRENT_DATE - (g %% 60) + 14, 'active', %s
      FROM generate_series(1, 1000000) g
"""


def bench(env):
    ref = env.ref
    rate = ref("crm_freight_pricing.freight_rate_sgn_pvg_demo")
    locations = env["freight.location"].search([]).ids
    started = time.time()
    env.cr.execute(
        INSERT_LINES,
        [
            rate.id,
            rate.carrier_id.id,
            locations,
            len(locations),
            locations,
            len(locations),
            env.company.id,
        ],
    )
    env.cr.execute("ANALYZE freight_rate_line")
    print(f"inserted in {time.time() - started:.1f}s")
    lane = (
        ref("crm_freight_pricing.location_vncli"),
        ref("crm_freight_pricing.location_cnsha"),
        "sea_fcl",
        fields.Date.today(),
    )
    Line = env["freight.rate.line"]
    print(explain_rate_search(env, *lane))
    for _run in range(3):
        env.invalidate_all()
        started = time.time()
        lines = Line._search_valid_lines(*lane)
        print(f"lookup {(time.time() - started) * 1000:.1f} ms, {len(lines)} lines")
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
