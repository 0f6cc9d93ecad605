"""One customer's timeline page among 1,000,000 interactions and 240,000 invoices.

Builds 100,000 customers (each classified, for the market information source),
1,000,000 interactions and 240,000 posted customer invoices set-based, then measures a
page of 80 rows of one customer through the call the web client makes
(``web_search_read`` with the list's fields, ``partner_id = X``, limit 80, and the
count), as the customer's salesperson, against the indexed query on the interactions
alone; and opening one entry (read by id). Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_timeline.py
"""

import sys
import time

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import analyze, insert_customers, machine, measure

CUSTOMERS = 100_000
INTERACTIONS = 1_000_000
INVOICES = 240_000
RUNS = 7

SPEC = {
    "date": {},
    "partner_id": {"fields": {"display_name": {}}},
    "model_id": {"fields": {"display_name": {}}},
    "name": {},
    "user_id": {"fields": {"display_name": {}}},
    "company_id": {"fields": {"display_name": {}}},
}

REFERENCE = """
    SELECT id, date_start, name, user_id
      FROM crm_customer_interaction
     WHERE partner_id = %s
     ORDER BY date_start DESC, id DESC
     LIMIT 80
"""


def build(env, salesman, company):
    cr = env.cr
    started = time.time()
    partner_ids = insert_customers(
        env, company, CUSTOMERS, "Bench", user_id=str(salesman.id)
    )
    value = env["crm.customer.classification"].search([], limit=1)
    if value:
        cr.execute(
            """
            INSERT INTO res_partner_crm_customer_classification_rel
                   (partner_id, classification_id)
            SELECT unnest(%s::int[]), %s
            """,
            [partner_ids, value.id],
        )
    interaction_type = env.ref("crm_customer.interaction_type_meeting")
    cr.execute(
        """
        INSERT INTO crm_customer_interaction (partner_id, user_id, type_id, name,
                                              state, date_start, company_id)
        SELECT (%s::int[])[1 + g %% %s], %s, %s, 'Call ' || g, 'done',
               now() - make_interval(mins => g), %s
          FROM generate_series(1, %s) g
        """,
        [
            partner_ids,
            CUSTOMERS,
            salesman.id,
            interaction_type.id,
            company.id,
            INTERACTIONS,
        ],
    )
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    cr.execute(
        """
        INSERT INTO account_move (journal_id, currency_id, company_id, state,
                                  move_type, auto_post, date, invoice_date, name,
                                  partner_id, commercial_partner_id, invoice_user_id)
        SELECT %s, %s, %s, 'posted', 'out_invoice', 'no', CURRENT_DATE - g %% 700,
               CURRENT_DATE - g %% 700, 'BENCH/' || g,
               (%s::int[])[1 + g %% %s], (%s::int[])[1 + g %% %s], %s
          FROM generate_series(1, %s) g
        """,
        [
            journal.id,
            company.currency_id.id,
            company.id,
            partner_ids,
            CUSTOMERS,
            partner_ids,
            CUSTOMERS,
            salesman.id,
            INVOICES,
        ],
    )
    analyze(
        cr,
        "res_partner",
        "crm_customer_interaction",
        "account_move",
        "res_partner_crm_customer_classification_rel",
    )
    print(f"built in {time.time() - started:.1f}s")
    return partner_ids


def bench(env):
    company = env.ref("base.main_company")
    salesman = env["res.users"].search(
        [("groups_id", "in", env.ref("sales_team.group_sale_salesman").id)],
        limit=1,
        order="id desc",
    )
    partner_ids = build(env, salesman, company)
    customer_id = partner_ids[len(partner_ids) // 2]
    # a busy customer: 10,000 more interactions
    env.cr.execute(
        """
        INSERT INTO crm_customer_interaction (partner_id, user_id, type_id, name,
                                              state, date_start, company_id)
        SELECT %s, %s, %s, 'Busy ' || g, 'done', now() - make_interval(mins => g), %s
          FROM generate_series(1, 10000) g
        """,
        [
            customer_id,
            salesman.id,
            env.ref("crm_customer.interaction_type_meeting").id,
            company.id,
        ],
    )
    env.cr.execute("ANALYZE crm_customer_interaction")
    env.cr.execute("SELECT count(*) FROM crm_customer_timeline")
    print(f"timeline rows: {env.cr.fetchone()[0]:,}")
    for label, partner_id in (
        ("customer with 10 interactions", partner_ids[7]),
        ("customer with 10,010 interactions", customer_id),
    ):
        Timeline = (
            env["crm.customer.timeline"]
            .with_user(salesman)
            .with_context(allowed_company_ids=[company.id])
        )
        domain = [("partner_id", "=", partner_id)]

        def page(Timeline=Timeline, domain=domain):
            return Timeline.web_search_read(domain, SPEC, limit=80)

        def reference(partner_id=partner_id):
            env.cr.execute(REFERENCE, [partner_id])
            return env.cr.fetchall()

        suite = measure(env, page, RUNS)
        result = suite.result
        entry = Timeline.browse(result["records"][0]["id"])
        ref = measure(env, reference, RUNS)
        opening = measure(env, entry.action_open_document, RUNS)
        print(
            f"{label}: {len(result['records'])} rows of {result['length']}, "
            f"{suite.queries} queries; suite {suite.ms:.1f} ms, indexed "
            f"single-source SQL {ref.ms:.2f} ms, ratio {suite.ms / ref.ms:.0f}x; "
            f"opening an entry (read by id) {opening.ms:.1f} ms"
        )
    print(machine())
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
