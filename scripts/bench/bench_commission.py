"""A month's commission settlement over 10,000 invoice lines, against a hand-written SQL
sum of the same commissions.

Builds a salesperson with a 3 % revenue plan and 100 posted invoices of 100 lines each
in one month (through the ORM: the invoice-line agents and their bases are computed
as in production), then measures, as the administrator (no superuser), settling that
month (time and queries, each run rolled back to a savepoint) and the SQL sum of the
same lines' bases alone. Everything is rolled back.

Run on the demo database: make shell < scripts/bench/bench_commission.py
"""

import sys
import time

from dateutil.relativedelta import relativedelta

from odoo import Command, fields

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import machine, measure, ratio

INVOICES = 100
LINES = 100
RUNS = 3


def build(env, company):
    started = time.time()
    user = env["res.users"].create(
        {
            "name": "Bench Commission",
            "login": "bench.commission",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set(env.ref("sales_team.group_sale_salesman").ids)],
        }
    )
    month = fields.Date.today().replace(day=1) - relativedelta(months=1)
    env["commission"].create(
        {
            "name": "Bench plan",
            "plan_user_id": user.id,
            "date_start": month,
            "fix_qty": 3.0,
            "invoice_state": "open",
        }
    )
    customer = env["res.partner"].create({"name": "Bench customer", "is_company": True})
    product = env["product.product"].create(
        {"name": "Bench freight", "type": "service"}
    )
    invoices = (
        env["account.move"]
        .with_context(default_move_type="out_invoice")
        .create(
            [
                {
                    "partner_id": customer.id,
                    "invoice_user_id": user.id,
                    "invoice_date": month + relativedelta(days=index % 28),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1,
                                "price_unit": 1_000_000 + line,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for line in range(LINES)
                    ],
                }
                for index in range(INVOICES)
            ]
        )
    )
    invoices.action_post()
    env.flush_all()
    print(f"built {INVOICES * LINES:,} invoice lines in {time.time() - started:.1f}s")
    return user, month


def bench(env):
    company = env.ref("base.main_company")
    user, month = build(env, company)
    admin = env.ref("base.user_admin")
    uenv = env(user=admin, su=False, context={"allowed_company_ids": [company.id]})
    next_month = month + relativedelta(months=1)

    def settle():
        wizard = uenv["commission.make.settle"].create(
            {
                "date_to": next_month,
                "settlement_type": "sale_invoice",
                "agent_ids": [Command.set(user.partner_id.ids)],
            }
        )
        wizard.action_settle()
        uenv.flush_all()

    def sql_sum():
        env.cr.execute(
            """
            SELECT ROUND(SUM(-aml.balance) * 0.03, 0), COUNT(*)
              FROM account_invoice_line_agent agent
              JOIN account_move_line aml ON aml.id = agent.object_id
             WHERE agent.agent_id = %s AND NOT agent.settled
               AND agent.invoice_date < %s AND aml.display_type = 'product'
            """,
            [user.partner_id.id, next_month],
        )
        return env.cr.fetchone()

    def rollback():
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_settle")
        env.invalidate_all()

    reference = measure(env, sql_sum, RUNS)
    expected, count = reference.result
    env.cr.execute("SAVEPOINT bench_settle")
    # each run settles the month anew: rolled back before it
    suite = measure(env, settle, RUNS, warm=False, reset=rollback)
    total = sum(
        uenv["commission.settlement"]
        .search([("agent_id", "=", user.partner_id.id)])
        .mapped("total")
    )
    rollback()
    print(
        f"{count:,} invoice lines: settlement {suite.seconds:.2f} s ({suite.queries} "
        f"queries, total {total:,.0f}), SQL sum alone {reference.seconds:.3f} s "
        f"(total {expected:,.0f}), ratio {ratio(suite, reference):.0f}x; {machine()}"
    )
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
