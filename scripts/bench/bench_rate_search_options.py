"""Rate search on a lane with 500 valid options, as a salesperson runs it (the
wizard's Search button), against one SQL fetching the lines, rates and surcharges of
the lane; among 1,000,000 price lines of other lanes. Rolled back.

Run on the demo database: make shell < scripts/bench/bench_rate_search_options.py
"""

import os
import sys
import time

from odoo import Command, fields

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import analyze, machine, measure, profile_if_asked, ratio

OPTIONS = int(os.environ.get("BENCH_OPTIONS", "500"))
BACKGROUND = int(os.environ.get("BENCH_BACKGROUND_LINES", "1000000"))
RUNS = 7

INSERT_RATES = """
    INSERT INTO freight_rate (name, carrier_id, freight_mode, origin_id,
        destination_id, date_from, date_to, currency_id, state, company_id,
        freight_charge_type_id, volume_factor, transit_days, free_days, user_id,
        create_uid, write_uid, create_date, write_date)
    SELECT 'BENCH' || g, (%(carriers)s::int[])[g], 'sea_fcl', %(origin)s,
           %(destination)s, CURRENT_DATE - 10, CURRENT_DATE + 20, %(currency)s,
           'active', %(company)s, %(freight)s, 0, 7 + g %% 20, 14, 1, 1, 1,
           now(), now()
      FROM generate_series(1, %(options)s) g
    RETURNING id
"""
INSERT_LINES = """
    INSERT INTO freight_rate_line (rate_id, container_type_id, price, weight_break,
        carrier_id, freight_mode, origin_id, destination_id, date_from, date_to,
        state, company_id)
    SELECT rate.id, ctype, 1000 + rate.id %% 997 + ctype, 0, rate.carrier_id,
           rate.freight_mode, rate.origin_id, rate.destination_id, rate.date_from,
           rate.date_to, rate.state, rate.company_id
      FROM freight_rate rate, unnest(%(ctypes)s::int[]) ctype
     WHERE rate.id = ANY(%(rates)s)
"""
INSERT_SURCHARGES = """
    INSERT INTO freight_rate_surcharge (rate_id, company_id, sequence,
        charge_type_id, basis, amount, currency_id, container_type_id)
    SELECT rate.id, rate.company_id, charge.seq, charge.type_id, charge.basis,
           charge.amount, rate.currency_id, charge.ctype
      FROM freight_rate rate,
           (VALUES (1, %(baf)s, 'container', 100.0, NULL::int),
                   (2, %(thc)s, 'container', 150.0, %(c40hc)s),
                   (3, %(doc)s, 'shipment', 50.0, NULL::int),
                   (4, %(caf)s, 'percent', 10.0, NULL::int))
           AS charge (seq, type_id, basis, amount, ctype)
     WHERE rate.id = ANY(%(rates)s)
"""
INSERT_BACKGROUND = """
    INSERT INTO freight_rate_line (rate_id, price, weight_break, carrier_id,
        freight_mode, origin_id, destination_id, date_from, date_to, state, company_id)
    SELECT %(rate)s, 10, g, %(carrier)s, 'air',
           (%(locations)s::int[])[1 + (g / 7) %% %(n)s],
           (%(locations)s::int[])[1 + (g / 3) %% %(n)s], CURRENT_DATE - (g %% 60),
           CURRENT_DATE - (g %% 60) + 14, 'active', %(company)s
      FROM generate_series(1, %(lines)s) g
"""
# the reference: lines, rates and surcharges of the lane in one query
REFERENCE = """
    SELECT line.id, line.container_type_id, line.price, rate.id, rate.currency_id,
           rate.minimum_amount, rate.volume_factor, rate.freight_charge_type_id,
           surcharge.charge_type_id, surcharge.basis, surcharge.amount,
           surcharge.currency_id, surcharge.container_type_id
      FROM freight_rate_line line
      JOIN freight_rate rate ON rate.id = line.rate_id
 LEFT JOIN freight_rate_surcharge surcharge ON surcharge.rate_id = rate.id
     WHERE line.origin_id = %(origin)s AND line.destination_id = %(destination)s
       AND line.freight_mode = 'sea_fcl' AND line.date_from <= %(date)s
       AND line.date_to >= %(date)s AND line.state = 'active'
       AND line.company_id = %(company)s
"""


def bench(env):
    ref = env.ref
    company = env.company
    origin = ref("crm_freight_pricing.location_vncli")
    destination = ref("crm_freight_pricing.location_cnsha")
    c20, c40, c40hc = (
        ref(f"crm_freight_pricing.container_type_{code}")
        for code in ("20gp", "40gp", "40hc")
    )
    charge = {
        code: ref(f"crm_freight_pricing.freight_charge_type_{code}").id
        for code in ("of", "baf", "thc", "doc", "caf")
    }
    started = time.time()
    carriers = env["res.partner"].create(
        [
            {
                "name": f"Bench Line {index}",
                "is_company": True,
                "is_shipping_line": True,
            }
            for index in range(OPTIONS)
        ]
    )
    env.flush_all()
    env.cr.execute(
        INSERT_RATES,
        {
            "carriers": carriers.ids,
            "origin": origin.id,
            "destination": destination.id,
            "currency": company.currency_id.id,
            "company": company.id,
            "freight": charge["of"],
            "options": OPTIONS,
        },
    )
    rate_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        INSERT_LINES, {"ctypes": [c20.id, c40.id, c40hc.id], "rates": rate_ids}
    )
    env.cr.execute(
        INSERT_SURCHARGES,
        {
            "rates": rate_ids,
            "baf": charge["baf"],
            "thc": charge["thc"],
            "doc": charge["doc"],
            "caf": charge["caf"],
            "c40hc": c40hc.id,
        },
    )
    locations = (env["freight.location"].search([]) - origin - destination).ids
    env.cr.execute(
        INSERT_BACKGROUND,
        {
            "rate": rate_ids[0],
            "carrier": carriers[0].id,
            "locations": locations,
            "n": len(locations),
            "company": company.id,
            "lines": BACKGROUND,
        },
    )
    analyze(env.cr, "freight_rate_line", "freight_rate", "freight_rate_surcharge")
    env.invalidate_all()
    print(
        f"{OPTIONS} rates x 3 container types and 4 surcharges on VNCLI-CNSHA, "
        f"{BACKGROUND:,} lines elsewhere: built in {time.time() - started:.1f}s"
    )
    if not env["freight.rate.markup"].search_count([("freight_mode", "=", "sea_fcl")]):
        env["freight.rate.markup"].create(
            {"freight_mode": "sea_fcl", "markup_percent": 5}
        )
    salesman = env["res.users"].create(
        {
            "name": "Bench Seller",
            "login": "bench.seller",
            "groups_id": [Command.set([ref("sales_team.group_sale_salesman").id])],
        }
    )
    today = fields.Date.context_today(salesman)
    Search = env["freight.rate.search"].with_user(salesman).with_company(company)

    def wizard():
        return Search.create(
            {
                "freight_mode": "sea_fcl",
                "origin_location_id": origin.id,
                "destination_location_id": destination.id,
                "shipment_date": today,
                "container_line_ids": [
                    Command.create({"container_type_id": c40hc.id, "quantity": 2}),
                    Command.create({"container_type_id": c20.id, "quantity": 1}),
                ],
            }
        )

    def search():
        search = wizard()
        before = env.cr.sql_log_count
        search.action_search()
        env.flush_all()
        return search, env.cr.sql_log_count - before

    def reference():
        env.cr.execute(
            REFERENCE,
            {
                "origin": origin.id,
                "destination": destination.id,
                "date": today,
                "company": company.id,
            },
        )
        return len(env.cr.fetchall())

    def fetch():
        return (
            env["freight.rate.line"]
            .with_user(salesman)
            ._fetch_price_cards(origin, destination, "sea_fcl", today, company)
        )

    reference()  # warm
    search()
    suite = measure(env, search, RUNS, warm=False)
    found, queries = suite.result
    reference_measure = measure(env, reference, RUNS, warm=False)
    fetched = measure(env, fetch, RUNS, warm=False)
    print(
        f"wizard's Search as a salesperson: {suite.ms:.1f} ms, {queries} queries, "
        f"{found.option_count} valid options, {len(found.option_ids)} shown"
    )
    print(
        f"one SQL of lines, rates and surcharges: {reference_measure.ms:.1f} ms, "
        f"{reference_measure.result} rows"
    )
    print(
        f"the suite's own fetch (_fetch_price_cards): {fetched.ms:.1f} ms, "
        f"{len(fetched.result)} rates"
    )
    print(f"ratio: {ratio(suite, reference_measure):.1f}x; {machine()}")
    profile_if_asked(search)
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
