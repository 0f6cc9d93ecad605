"""What the benchmarks share: warm medians with their query counts, peak memory, the
side-by-side "suite | reference | ratio" line, the machine's load, and the set-based
customers most data sets start from. Standard library only (``bench_load.py`` runs
outside Odoo).

A benchmark runs in the Odoo shell from the repository's root
(``make shell < scripts/bench/bench_x.py``), which reads the script from its standard
input: it has no ``__file__``, so it finds this file by its path from there::

    sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
    from _common import measure, ...
"""

import dataclasses
import os
import resource
import statistics
import time
import tracemalloc

from odoo import sql_db
from odoo.tools import SQL


@dataclasses.dataclass
class Measure:
    """The median of the warm runs of some work, the queries of its last run and
    what the last run returned."""

    seconds: float
    queries: int
    result: object

    @property
    def ms(self):
        return self.seconds * 1000


def measure(env, work, runs=3, warm=True, reset=None):
    """Time ``work()`` ``runs`` times (after one untimed run when ``warm``), with
    ``reset()`` before each run (by default ``env.invalidate_all``: a new request
    starts with an empty cache); queries counted on ``env.cr``."""
    reset = reset or env.invalidate_all
    if warm:
        reset()
        work()
    timings = []
    for _run in range(runs):
        reset()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        result = work()
        timings.append(time.perf_counter() - started)
        queries = env.cr.sql_log_count - before
    return Measure(statistics.median(timings), queries, result)


def ratio(suite, reference):
    """How many times the reference's time the suite takes."""
    return suite.seconds / reference.seconds


def side_by_side(label, suite, reference, reference_label, unit="ms"):
    """One table row: ``| label | suite | reference_label: reference | ratio |``."""
    scale, digits = (1000, 0) if unit == "ms" else (1, 2)
    return (
        f"| {label} | {suite.seconds * scale:.{digits}f} {unit}, {suite.queries} q "
        f"| {reference_label}: {reference.seconds * scale:.{digits}f} {unit}, "
        f"{reference.queries} q | {ratio(suite, reference):.2f}x |"
    )


def memory_peak_mib(work):
    """The peak Python memory (tracemalloc) allocated while ``work()`` runs, MiB."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def rss_mib():
    """The process's resident size now (Linux), in MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def max_rss_mib():
    """The process's peak resident size so far, in MiB (it only grows)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine():
    """The machine the figures were taken on: cores and load (other programs
    included), to print beside them."""
    one, five, _fifteen = os.getloadavg()
    return f"machine: {os.cpu_count()} cores, load average {one:.2f} / {five:.2f}"


def analyze(cr, *tables):
    """Fresh planner statistics for what a build inserted."""
    for table in tables:
        cr.execute(f"ANALYZE {table}")  # pylint: disable=sql-injection


def vacuum(env, *tables):
    """VACUUM ANALYZE ``tables`` on a connection of its own, outside any
    transaction: what rolled-back work left in them is gone, as it would be after
    autovacuum on a database in use."""
    cr = sql_db.db_connect(env.cr.dbname).cursor()
    try:
        cr.connection.autocommit = True
        for table in tables:
            cr.execute(SQL("VACUUM ANALYZE %s", SQL.identifier(table)))
    finally:
        cr.close()


def insert_customers(env, company, count, name, **columns):
    """``count`` company customers named ``name`` and a number, set-based, their
    own commercial partners; ``columns`` are more columns of ``res_partner`` as SQL
    expressions of the series number ``g`` (e.g. ``customer_code="'B-' || g"``, a
    modulo written ``%%``). Returns their ids in order."""
    extra_columns = "".join(f", {column}" for column in columns)
    extra_values = "".join(f", {value}" for value in columns.values())
    cr = env.cr
    cr.execute(
        # pylint: disable=sql-injection
        f"""
        INSERT INTO res_partner (name, complete_name, active, is_company, type,
                                 customer_type, company_id, autopost_bills
                                 {extra_columns})
        SELECT %(name)s || ' ' || g, %(name)s || ' ' || g, TRUE, TRUE, 'contact',
               'customer', %(company)s, 'ask' {extra_values}
          FROM generate_series(1, %(count)s) g
        RETURNING id
        """,
        {"name": name, "company": company.id, "count": count},
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        [partner_ids],
    )
    return partner_ids


def sale_journal_and_receivable(env, company):
    """The company's sale journal and receivable account, for invoices inserted in
    SQL."""
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    receivable = env["account.account"].search(
        [
            ("account_type", "=", "asset_receivable"),
            ("company_ids", "in", company.id),
        ],
        limit=1,
    )
    return journal, receivable


def insert_open_invoices(env, company, partner_ids, count, prefix, days):
    """``count`` posted customer invoices of the customers ``partner_ids`` in turn,
    named ``prefix`` and a number, dated over the last ``days`` days, each with one
    open receivable line (1,000 to 1,996, due 30 days after its date), set-based."""
    journal, receivable = sale_journal_and_receivable(env, company)
    env.cr.execute(
        """
        WITH moves AS (
            INSERT INTO account_move (journal_id, currency_id, company_id, state,
                                      move_type, auto_post, date, invoice_date,
                                      name, partner_id, commercial_partner_id)
            SELECT %(journal)s, %(currency)s, %(company)s, 'posted', 'out_invoice',
                   'no', CURRENT_DATE - g %% %(days)s, CURRENT_DATE - g %% %(days)s,
                   %(prefix)s || g, (%(partners)s::int[])[1 + g %% %(customers)s],
                   (%(partners)s::int[])[1 + g %% %(customers)s]
              FROM generate_series(1, %(count)s) g
            RETURNING id, partner_id, date
        )
        INSERT INTO account_move_line (move_id, journal_id, company_id, account_id,
                                       partner_id, currency_id,
                                       company_currency_id, date, date_maturity,
                                       parent_state, display_type, amount_currency,
                                       balance, debit, credit, amount_residual,
                                       amount_residual_currency, reconciled, name)
        SELECT id, %(journal)s, %(company)s, %(account)s, partner_id, %(currency)s,
               %(currency)s, date, date + 30, 'posted', 'payment_term',
               1000 + id %% 997, 1000 + id %% 997, 1000 + id %% 997, 0,
               1000 + id %% 997, 1000 + id %% 997, FALSE, 'item'
          FROM moves
        """,
        {
            "journal": journal.id,
            "currency": company.currency_id.id,
            "company": company.id,
            "partners": partner_ids,
            "customers": len(partner_ids),
            "count": count,
            "days": days,
            "prefix": prefix,
            "account": receivable.id,
        },
    )
    return journal, receivable


def profile_if_asked(work, lines=45):
    """With ``BENCH_PROFILE=1`` in the environment: run ``work()`` once more under
    cProfile and print its ``lines`` costliest calls, cumulative and own time."""
    if not os.environ.get("BENCH_PROFILE"):
        return
    import cProfile  # pylint: disable=import-outside-toplevel
    import pstats  # pylint: disable=import-outside-toplevel

    with cProfile.Profile() as profile:
        work()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
