"""A campaign's audience among 100,000 customers classified in three trees: counting
it (before launch) and freezing it into targets at Start, beside one hand-written SQL
query doing the same work; then rolled back.

Run on the demo database: make shell < scripts/bench/bench_marketing_audience.py
(BENCH_TASKS=1 also plans a salesperson task per target at Start.)
"""

import os
import random
import sys
import time

from psycopg2.extras import execute_values

from odoo import Command
from odoo.tools import SQL

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import analyze, machine, measure

CUSTOMERS = 100_000
RUNS = 5


def insert_customers(env, company):
    """100,000 customers and their classes (region, business type, scale), set-based."""
    rng = random.Random(15)
    Class = env["crm.customer.classification"]
    trees = [
        values
        for criterion in env["crm.customer.criterion"].search([])
        if (values := Class.search([("criterion_id", "=", criterion.id)]).ids)
    ][:3]
    env.cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, type, is_company,
                                     customer_type, company_id, autopost_bills)
            SELECT 'Bench ' || n, 'Bench ' || n, TRUE, 'contact', TRUE, 'customer',
                   %s, 'ask'
              FROM generate_series(1, %s) n
            RETURNING id
            """,
            company.id,
            CUSTOMERS,
        )
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    rows = [
        (partner_id, rng.choice(values))
        for partner_id in partner_ids
        for values in trees
        if values
    ]
    execute_values(
        env.cr._obj,
        "INSERT INTO res_partner_crm_customer_classification_rel"
        " (partner_id, classification_id) VALUES %s ON CONFLICT DO NOTHING",
        rows,
        page_size=10_000,
    )
    analyze(env.cr, "res_partner", "res_partner_crm_customer_classification_rel")
    return trees


def hand_written_count(env, company, classes_by_tree):
    """The same audience in one SQL query: one EXISTS per tree, down the trees."""
    conditions = [
        SQL(
            """EXISTS (
                SELECT 1
                  FROM res_partner_crm_customer_classification_rel rel
                  JOIN crm_customer_classification value
                    ON value.id = rel.classification_id
                 WHERE rel.partner_id = partner.id
                   AND value.parent_path LIKE ANY (%s))""",
            [f"{path}%" for path in paths],
        )
        for paths in classes_by_tree
    ]
    env.cr.execute(
        SQL(
            """SELECT count(*) FROM res_partner partner
                WHERE partner.active AND partner.parent_id IS NULL
                  AND (partner.company_id = %s OR partner.company_id IS NULL)
                  AND %s""",
            company.id,
            SQL(" AND ").join(conditions),
        )
    )
    return env.cr.fetchone()[0]


def bench(env):
    company = env.company
    started = time.time()
    trees = insert_customers(env, company)
    print(
        f"inserted {CUSTOMERS:,} customers and their classes"
        f" in {time.time() - started:.1f}s"
    )
    Class = env["crm.customer.classification"]
    # the first value of the first two trees (the whole subtree under each)
    chosen = Class.browse([trees[0][0], trees[1][0]])
    campaign = env["utm.campaign"].create(
        {
            "title": "Bench campaign",
            "date_start": time.strftime("%Y-%m-%d"),
            "classification_ids": [Command.set(chosen.ids)],
            "task_type_id": (
                env.ref("crm_customer.interaction_type_call").id
                if os.environ.get("BENCH_TASKS")
                else False
            ),
        }
    )
    company.marketing_audience_limit = 0
    env.flush_all()

    def suite_count():
        return campaign.audience_count

    paths = [[value.parent_path] for value in chosen]
    count = suite_count()
    assert count == hand_written_count(env, company, paths), "counts differ"
    suite = measure(env, suite_count, RUNS, warm=False)
    reference = measure(
        env, lambda: hand_written_count(env, company, paths), RUNS, warm=False
    )
    print(f"audience of {count:,} customers among {CUSTOMERS:,}:")
    print(
        f"  count   suite {suite.ms:8.1f} ms   hand-written SQL {reference.ms:8.1f} ms"
        f"   ratio {suite.ms / reference.ms:5.1f}x"
    )
    print(f"  count   {suite.queries} queries")

    env.cr.execute("SAVEPOINT bench_start")
    started = time.perf_counter()
    before = env.cr.sql_log_count
    campaign.action_start()
    env.flush_all()
    suite = (time.perf_counter() - started) * 1000
    queries = env.cr.sql_log_count - before
    targeted = campaign.target_count
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_start")
    env.invalidate_all()
    started = time.perf_counter()
    env.cr.execute(
        SQL(
            """INSERT INTO crm_marketing_target
                   (campaign_id, partner_id, user_id, company_id, email_opt_out)
               SELECT %s, partner.id, partner.user_id, %s, FALSE
                 FROM res_partner partner
                WHERE partner.id IN %s""",
            campaign.id,
            company.id,
            env["res.partner"]._search(campaign._get_audience_domain()).subselect(),
        )
    )
    reference = (time.perf_counter() - started) * 1000
    print(
        f"  start   suite {suite:8.1f} ms ({targeted:,} targets, {queries} queries)"
        f"   INSERT ... SELECT {reference:8.1f} ms   ratio {suite / reference:5.1f}x"
    )
    print(f"  {machine()}")
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
