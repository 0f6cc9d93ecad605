"""Customer figures (debt, overdue, credit, revenue, orders) at a forwarder's size:
filter, sort, list page and form as a sales manager's web client asks for them,
beside Odoo's own ``credit > 0`` filter, one grouped SQL and raw SQL; rolled back.

Run on the demo database: make shell < scripts/bench/bench_customer_figures.py

Data, built set-based (INSERT ... SELECT generate_series, no ORM create per row):
100,000 company customers (``customer_type`` customer, 20 salespeople, one
classification value each), 240,000 posted customer invoices of one receivable and
one income line each (balanced), 200,000 of them open (their receivable line
unreconciled, due from 90 days ago to 60 days ahead) and 40,000 paid by a posted
payment entry of two lines (bank, receivable) matched through an
``account_partial_reconcile`` row (no ``account_full_reconcile``: no figure reads it),
and 100,000 confirmed sales orders without lines. Invoices go to the first 80,000
customers, orders to the first 50,000. The bench user is a sales manager who is also
a billing user (Odoo's ``credit`` field is for accounting groups only).
Each figure is the median of 5 warm runs (after one cold run).
"""

import sys
import time

from lxml import etree

from odoo import Command, fields
from odoo.tools import SQL

from odoo.addons.crm_accounting_bridge.tools.customer_figures import SQL_FIGURES

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import machine, measure, side_by_side

CUSTOMERS, INVOICES, PAID, ORDERS, USERS = 100_000, 240_000, 40_000, 100_000, 20
RUNS = 5


def build(env):
    company = env.company
    cr = env.cr
    users = env["res.users"].create(
        [
            {
                "name": f"Bench Salesperson {index}",
                "login": f"bench_sales_{index}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set([env.ref("sales_team.group_sale_salesman").id])
                ],
            }
            for index in range(USERS)
        ]
    )
    manager = env["res.users"].create(
        {
            "name": "Bench Sales Manager",
            "login": "bench_sales_manager",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [
                Command.set(
                    [
                        env.ref("sales_team.group_sale_manager").id,
                        env.ref("account.group_account_invoice").id,
                    ]
                )
            ],
        }
    )
    classifications = env["crm.customer.classification"].search([], limit=10).ids
    account = env["account.account"].with_company(company)
    receivable = account.search(
        [("account_type", "=", "asset_receivable"), ("company_ids", "in", company.id)],
        limit=1,
    )
    income = account.search(
        [("account_type", "=", "income"), ("company_ids", "in", company.id)], limit=1
    )
    bank_account = account.search(
        [("account_type", "=", "asset_cash"), ("company_ids", "in", company.id)],
        limit=1,
    )
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    bank = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
    )
    params = {
        "company": company.id,
        "currency": company.currency_id.id,
        "users": users.ids,
        "classes": classifications,
        "receivable": receivable.id,
        "income": income.id,
        "bank_account": bank_account.id,
        "journal": journal.id,
        "bank": bank.id,
        "uid": env.uid,
        "today": fields.Date.context_today(env.user),
    }
    # sale_stock (installed by the suite's stock bridges) adds required columns
    stock = "picking_policy" in env["sale.order"]._fields
    counts = dict(
        COUNTS,
        stock_columns=", picking_policy, warehouse_id" if stock else "",
        stock_values=", 'direct', %(warehouse)s" if stock else "",
    )
    if stock:
        params["warehouse"] = (
            env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1).id
        )
    started = time.time()
    for statement in BUILD:
        cr.execute(statement.format(**counts), params)
    for table in ("res_partner", "account_move", "account_move_line", "sale_order"):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    cr.execute(
        "ANALYZE account_partial_reconcile; ANALYZE "
        "res_partner_crm_customer_classification_rel"
    )
    env.invalidate_all()
    print(f"built the data set-based in {time.time() - started:.1f} s")
    return manager, users, classifications


COUNTS = {
    "customers": CUSTOMERS,
    "invoices": INVOICES,
    "paid": PAID,
    "orders": ORDERS,
}
BUILD = [
    # customers: their own commercial partner
    """CREATE TEMP TABLE bench_partner ON COMMIT DROP AS
       SELECT g, nextval('res_partner_id_seq') AS id
         FROM generate_series(1, {customers}) g""",
    """INSERT INTO res_partner (id, commercial_partner_id, name, complete_name,
              active, type, is_company, autopost_bills, customer_type, user_id,
              create_date, write_date, create_uid, write_uid)
       SELECT id, id, 'Bench customer ' || g, 'Bench customer ' || g, TRUE,
              'contact', TRUE, 'ask', 'customer',
              (%(users)s::int[])[1 + g %% array_length(%(users)s::int[], 1)],
              now(), now(), %(uid)s, %(uid)s
         FROM bench_partner""",
    """INSERT INTO res_partner_crm_customer_classification_rel
              (partner_id, classification_id)
       SELECT id, (%(classes)s::int[])[1 + g %% array_length(%(classes)s::int[], 1)]
         FROM bench_partner""",
    # invoices: one receivable (payment_term) and one income (product) line each
    """CREATE TEMP TABLE bench_invoice ON COMMIT DROP AS
       SELECT series.g, nextval('account_move_id_seq') AS move_id,
              nextval('account_move_line_id_seq') AS receivable_line_id,
              partner.id AS partner_id,
              (100000 + (series.g %% 97) * 10000)::numeric AS amount,
              %(today)s::date - (series.g %% 150) AS invoice_date,
              %(today)s::date - (series.g %% 150) + 60 AS due,
              series.g <= {paid} AS paid
         FROM generate_series(1, {invoices}) series(g)
         JOIN bench_partner partner
           ON partner.g = 1 + series.g %% ({customers} * 4 / 5)""",
    """INSERT INTO account_move (id, name, journal_id, company_id, currency_id, date,
              invoice_date, invoice_date_due, move_type, state, auto_post, partner_id,
              commercial_partner_id, amount_untaxed, amount_untaxed_signed,
              amount_total, amount_total_signed, amount_residual,
              amount_residual_signed, amount_tax, amount_tax_signed, payment_state,
              create_date, write_date, create_uid, write_uid)
       SELECT move_id, 'BENCH/INV/' || g, %(journal)s, %(company)s, %(currency)s,
              invoice_date, invoice_date, due, 'out_invoice', 'posted', 'no',
              partner_id, partner_id, amount, amount, amount, amount,
              CASE WHEN paid THEN 0 ELSE amount END,
              CASE WHEN paid THEN 0 ELSE amount END, 0, 0,
              CASE WHEN paid THEN 'paid' ELSE 'not_paid' END,
              now(), now(), %(uid)s, %(uid)s
         FROM bench_invoice""",
    """INSERT INTO account_move_line (id, move_id, move_name, name, account_id,
              partner_id, company_id, journal_id, currency_id, company_currency_id,
              date, date_maturity, parent_state, display_type, debit, credit, balance,
              amount_currency, amount_residual, amount_residual_currency, reconciled,
              create_date, write_date, create_uid, write_uid)
       SELECT receivable_line_id, move_id, 'BENCH/INV/' || g, 'BENCH/INV/' || g,
              %(receivable)s, partner_id, %(company)s, %(journal)s, %(currency)s,
              %(currency)s, invoice_date, due, 'posted', 'payment_term', amount, 0,
              amount, amount, CASE WHEN paid THEN 0 ELSE amount END,
              CASE WHEN paid THEN 0 ELSE amount END, paid,
              now(), now(), %(uid)s, %(uid)s
         FROM bench_invoice
       UNION ALL
       SELECT nextval('account_move_line_id_seq'), move_id, 'BENCH/INV/' || g,
              'Freight', %(income)s, partner_id, %(company)s, %(journal)s,
              %(currency)s, %(currency)s, invoice_date, NULL, 'posted', 'product', 0,
              amount, -amount, -amount, 0, 0, FALSE, now(), now(), %(uid)s, %(uid)s
         FROM bench_invoice""",
    # payments of the paid invoices, matched with their receivable line
    """CREATE TEMP TABLE bench_payment ON COMMIT DROP AS
       SELECT invoice.*, nextval('account_move_id_seq') AS payment_move_id,
              nextval('account_move_line_id_seq') AS payment_line_id,
              invoice.invoice_date + (g %% 45) AS paid_on
         FROM bench_invoice invoice WHERE paid""",
    """INSERT INTO account_move (id, name, journal_id, company_id, currency_id, date,
              move_type, state, auto_post, partner_id, commercial_partner_id,
              amount_total, amount_total_signed, create_date, write_date,
              create_uid, write_uid)
       SELECT payment_move_id, 'BENCH/PAY/' || g, %(bank)s, %(company)s,
              %(currency)s, paid_on, 'entry', 'posted', 'no', partner_id, partner_id,
              amount, amount, now(), now(), %(uid)s, %(uid)s
         FROM bench_payment""",
    """INSERT INTO account_move_line (id, move_id, move_name, name, account_id,
              partner_id, company_id, journal_id, currency_id, company_currency_id,
              date, parent_state, display_type, debit, credit, balance,
              amount_currency, amount_residual, amount_residual_currency, reconciled,
              create_date, write_date, create_uid, write_uid)
       SELECT payment_line_id, payment_move_id, 'BENCH/PAY/' || g, 'Payment',
              %(receivable)s, partner_id, %(company)s, %(bank)s, %(currency)s,
              %(currency)s, paid_on, 'posted', 'payment_term', 0, amount, -amount,
              -amount, 0, 0, TRUE, now(), now(), %(uid)s, %(uid)s
         FROM bench_payment
       UNION ALL
       SELECT nextval('account_move_line_id_seq'), payment_move_id,
              'BENCH/PAY/' || g, 'Payment', %(bank_account)s, partner_id,
              %(company)s, %(bank)s, %(currency)s, %(currency)s, paid_on, 'posted',
              'product', amount, 0, amount, amount, 0, 0, FALSE, now(), now(),
              %(uid)s, %(uid)s
         FROM bench_payment""",
    """INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id, amount,
              debit_amount_currency, credit_amount_currency, debit_currency_id,
              credit_currency_id, company_id, max_date, create_date, write_date,
              create_uid, write_uid)
       SELECT receivable_line_id, payment_line_id, amount, amount, amount,
              %(currency)s, %(currency)s, %(company)s, paid_on, now(), now(),
              %(uid)s, %(uid)s
         FROM bench_payment""",
    # confirmed sales orders (no lines: only the order figures read them)
    """INSERT INTO sale_order (name, company_id, partner_id, partner_invoice_id,
              partner_shipping_id, date_order, state, currency_id, amount_total,
              create_date, write_date, create_uid, write_uid{stock_columns})
       SELECT 'BENCH/SO/' || series.g, %(company)s, partner.id, partner.id,
              partner.id, now() - make_interval(days => series.g %% 700), 'sale',
              %(currency)s, 0, now(), now(), %(uid)s, %(uid)s{stock_values}
         FROM generate_series(1, {orders}) series(g)
         JOIN bench_partner partner ON partner.g = 1 + series.g %% ({customers} / 2)""",
]


def row(label, suite, reference, reference_label):
    print(side_by_side(label, suite, reference, reference_label))


def list_specification(env):
    arch = env["res.partner"].get_views(
        [(env.ref("crm_customer.res_partner_view_list_customer").id, "list")]
    )["views"]["list"]["arch"]
    specification = {}
    Partner = env["res.partner"]
    for node in etree.fromstring(arch).iter("field"):
        field = Partner._fields[node.get("name")]
        spec = {}
        if field.type in ("many2one", "many2many"):
            spec = {"fields": {"display_name": {}}}
        specification[field.name] = spec
    return specification


def raw_figures_sql(ids, today):
    """The list's figure columns for ``ids`` in one hand-written grouped query."""
    return SQL(
        """SELECT partner.id, debt.receivable, debt.overdue, sales.revenue
             FROM res_partner partner
        LEFT JOIN (SELECT line_partner.commercial_partner_id AS commercial,
                          SUM(line.amount_residual) AS receivable,
                          SUM(line.amount_residual) FILTER (
                              WHERE line.date_maturity < %(today)s
                                AND line.amount_residual > 0) AS overdue
                     FROM account_move_line line
                     JOIN res_partner line_partner ON line_partner.id = line.partner_id
                     JOIN account_account account ON account.id = line.account_id
                    WHERE line.partner_id IN %(ids)s
                      AND line.parent_state = 'posted' AND NOT line.reconciled
                      AND account.account_type = 'asset_receivable'
                 GROUP BY 1) debt ON debt.commercial = partner.commercial_partner_id
        LEFT JOIN (SELECT move.commercial_partner_id AS commercial,
                          SUM(move.amount_untaxed_signed) AS revenue
                     FROM account_move move
                    WHERE move.commercial_partner_id IN %(ids)s
                      AND move.state = 'posted'
                      AND move.move_type IN ('out_invoice', 'out_refund')
                      AND move.invoice_date >= %(year_start)s
                 GROUP BY 1) sales ON sales.commercial = partner.commercial_partner_id
            WHERE partner.id IN %(ids)s""",
        ids=tuple(ids),
        today=today,
        year_start=today.replace(month=1, day=1),
    )


OVERDUE_SORT_SQL = """
    SELECT partner.id
      FROM res_partner partner
 LEFT JOIN (SELECT line_partner.commercial_partner_id AS commercial,
                   SUM(line.amount_residual) AS overdue
              FROM account_move_line line
              JOIN res_partner line_partner ON line_partner.id = line.partner_id
              JOIN account_account account ON account.id = line.account_id
             WHERE line.parent_state = 'posted' AND NOT line.reconciled
               AND line.date_maturity < %(today)s AND line.amount_residual > 0
               AND account.account_type = 'asset_receivable'
               AND line.company_id = %(company)s
          GROUP BY 1) debt ON debt.commercial = partner.commercial_partner_id
     WHERE partner.customer_type IS NOT NULL AND partner.active
  ORDER BY debt.overdue DESC NULLS LAST, partner.id
     LIMIT 80
"""


def figures_sql(partners, ids, fnames):
    """The figures ``fnames`` of the partners ``ids`` by their own SQL expressions,
    in one query without the ORM."""
    columns = [
        partners.sudo()._get_figure_sql("partner", fname)
        for fname in fnames
        if fname in SQL_FIGURES
    ]
    return SQL(
        "SELECT partner.id, %s FROM res_partner partner WHERE partner.id IN %s",
        SQL(", ").join(columns),
        tuple(ids),
    )


def bench(env):
    manager, users, classifications = build(env)
    partners = (
        env["res.partner"]
        .with_user(manager)
        .with_context(tz=manager.tz or "Asia/Ho_Chi_Minh")
    )
    today = fields.Date.context_today(partners)
    base = [("customer_type", "!=", False)]
    full = list_specification(env)
    figures = set(partners._get_figure_fields()) | {"figures_currency_id"}
    plain = {fname: spec for fname, spec in full.items() if fname not in figures}
    with_credit = dict(plain, credit={})

    def page(domain, specification=plain, order=""):
        return lambda: partners.web_search_read(
            domain, specification, limit=80, order=order
        )

    print("| what | suite | reference | ratio |\n|---|---|---|---|")
    narrow = [("user_id", "=", users[0].id)]
    narrower = narrow + [("classification_ids", "in", classifications[:1])]
    for label, extra in (
        ("all customers", []),
        ("one salesperson's", narrow),
        ("one salesperson's, one classification", narrower),
    ):
        row(
            f"filter overdue > 0, {label}",
            measure(env, page(base + extra + [("overdue_amount", ">", 0)]), RUNS),
            measure(env, page(base + extra + [("credit", ">", 0)]), RUNS),
            "Odoo's credit > 0",
        )
    params = {"today": today, "company": env.company.id}
    row(
        "sort by overdue (first 80 customers)",
        measure(env, page(base, order="overdue_amount desc"), RUNS),
        measure(env, lambda: env.cr.execute(OVERDUE_SORT_SQL, params), RUNS),
        "one grouped SQL",
    )
    row(
        "sort by overdue: the search alone",
        measure(
            env,
            lambda: partners.search(base, order="overdue_amount desc", limit=80),
            RUNS,
        ),
        measure(env, lambda: env.cr.execute(OVERDUE_SORT_SQL, params), RUNS),
        "one grouped SQL",
    )
    page_ids = partners.search(base, limit=80).ids
    with_figures, without = (
        measure(env, page(base, full), RUNS),
        measure(env, page(base), RUNS),
    )
    print(
        f"| 80-row page: figure columns add | {with_figures.ms - without.ms:.0f} ms, "
        f"{with_figures.queries - without.queries} q | (page without them: "
        f"{without.ms:.0f} ms, {without.queries} q) | |"
    )
    credit_page = measure(env, page(base, with_credit), RUNS)
    print(
        f"| 80-row page: Odoo's credit column adds | "
        f"{credit_page.ms - without.ms:.0f} ms, "
        f"{credit_page.queries - without.queries} q | | |"
    )
    columns = sorted(set(full) & figures - {"figures_currency_id"})
    row(
        "80-row page: the list's figure columns read",
        measure(env, lambda: partners.browse(page_ids).read(columns), RUNS),
        measure(env, lambda: env.cr.execute(raw_figures_sql(page_ids, today)), RUNS),
        "raw SQL (receivable, overdue, revenue)",
    )
    row(
        "80-row page: the list's figure columns read",
        measure(env, lambda: partners.browse(page_ids).read(columns), RUNS),
        measure(
            env, lambda: env.cr.execute(figures_sql(partners, page_ids, columns)), RUNS
        ),
        "their SQL run raw",
    )
    form = {fname: {} for fname in partners._get_figure_fields()}
    customer = partners.browse(page_ids[0])
    own = {
        fname: spec for fname, spec in form.items() if not fname.startswith("group_")
    }
    sql_figures = sorted(set(form) & set(SQL_FIGURES))
    for label, specification in (("without the group's", own), ("all", form)):
        row(
            f"one form's figures, {label}",
            measure(env, lambda spec=specification: customer.web_read(spec), RUNS),
            measure(
                env,
                lambda: env.cr.execute(
                    figures_sql(partners, customer.ids, sql_figures)
                ),
                RUNS,
            ),
            "their SQL run raw",
        )
    print(machine())
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
