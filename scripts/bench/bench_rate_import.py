"""Rate-sheet import of 1,000 / 10,000 / 50,000 rows: time and memory, then rolled back.

Run on the demo database: make shell < scripts/bench/bench_rate_import.py
(SIZES=1000,10000 to choose the sizes, PAIRWISE_MAX=10000 for the old algorithm,
BENCH_PROFILE=1 to profile one more import per size, SAME_TRANSACTION=1 to run every
size in one transaction, each rolled back to a savepoint).

Each size runs in its own transaction, rolled back, then the tables it wrote are
vacuumed: the next size imports into the database as it was. (Rolled back to a
savepoint in one transaction, a size's rows stay in the tables and their indexes until
the transaction ends, where no vacuum reaches them: the next size's checks step over
them.)

Each sheet is 20 lanes of one carrier, weekly cards of four container types, a BAF
column, and active 45HC rates of the same lanes and weeks already in the database
(every fourth week): the import has to check every row against both. Printed per
size: reading the xlsx, validating it (per row, and peak Python memory), the old
pairwise overlap check for comparison, and the import itself as the Import button
runs it (reading the file, validation, create, activation), whose time per row shows
whether growth is linear, with its queries per row and how much it grew the process's
peak resident memory.
"""

import base64
import datetime
import functools
import io
import os
import sys
import time

from odoo import Command, fields
from odoo.tools import SQL
from odoo.tools.misc import xlsxwriter

from odoo.addons.crm_freight_pricing.tools import rate_cards, rate_sheet

sys.path.insert(0, "scripts/bench")  # make shell runs from the repository's root
from _common import (
    machine,
    max_rss_mib,
    memory_peak_mib,
    profile_if_asked,
    rss_mib,
    vacuum,
)

EQUIPMENT = ("20GP", "40GP", "40HC", "45HC")
LANES = 20
# what an import writes (rates, prices, surcharges, their messages)
VACUUMED = (
    "freight_rate",
    "freight_rate_line",
    "freight_rate_surcharge",
    "mail_message",
    "mail_tracking_value",
    "res_partner",
)
HEADERS = [str(label) for _key, label in rate_sheet.COLUMNS] + ["BAF"]


def sheet_rows(count, carrier, lanes, start):
    """``count`` rows: per lane, consecutive weeks of four container types."""
    rows = []
    week = 0
    while len(rows) < count:
        for origin, destination in lanes:
            date_from = start + datetime.timedelta(days=7 * week)
            for equipment in EQUIPMENT[:3] if week % 4 == 0 else EQUIPMENT:
                rows.append(
                    [carrier, "Sea FCL", origin, destination, "", date_from]
                    + [date_from + datetime.timedelta(days=6), "USD", 7, 14]
                    + [equipment, 900 + week % 50, "", "", 120]
                )
        week += 1
    return list(enumerate(rows[:count], start=2))


def add_active_rates(env, carrier, lanes, start, weeks):
    """The 45HC rates of every fourth week, created as drafts at once and made
    active by one UPDATE (the exclusion constraint still checks them)."""
    c45 = env.ref("crm_freight_pricing.container_type_45hc")
    rates = env["freight.rate"].create(
        [
            {
                "carrier_id": carrier.id,
                "origin_id": origin.id,
                "destination_id": destination.id,
                "date_from": start + datetime.timedelta(days=7 * week),
                "date_to": start + datetime.timedelta(days=7 * week + 6),
                "line_ids": [Command.create({"container_type_id": c45.id, "price": 1})],
            }
            for week in range(0, weeks, 4)
            for origin, destination in lanes
        ]
    )
    env.flush_all()
    for table in ("freight_rate", "freight_rate_line"):
        column = "id" if table == "freight_rate" else "rate_id"
        env.cr.execute(
            SQL(
                "UPDATE %s SET state = 'active' WHERE %s IN %s",
                SQL.identifier(table),
                SQL.identifier(column),
                tuple(rates.ids),
            )
        )
    env.invalidate_all()
    return rates


def pairwise_overlaps(wizard, headers, rows):
    """The overlap check the import had before the sweep: each row against every
    earlier card of its lane and every active price of the lane."""
    columns, surcharges, _errors = rate_sheet.map_headers(
        headers, wizard._header_keys(), wizard._charge_ids(headers)
    )
    masters = wizard._fetch_masters(
        rows, columns, surcharges, wizard._charge_ids(headers)
    )
    parsed, _errors = rate_sheet.parse_rows(rows, columns, masters)
    cards = rate_cards.group_cards(parsed)
    started = time.perf_counter()
    existing = wizard.env["freight.rate.line"].search(
        [("state", "=", "active"), ("company_id", "=", wizard.env.company.id)]
    )
    by_lane = {}
    for line in existing:
        lane = (line.carrier_id.id, line.freight_mode, line.origin_id.id)
        lane += (line.destination_id.id, line.via_id.id)
        by_lane.setdefault(lane, []).append(line)
    lanes = {}
    for card_rows in cards:
        lanes.setdefault(rate_cards.lane(card_rows[0][1]), []).append(card_rows)
    errors = 0
    for lane, lane_cards in lanes.items():
        for position, card_rows in enumerate(lane_cards):
            first = card_rows[0][1]
            for _number, row in card_rows:
                key = rate_sheet.equipment_key(row)
                for line in by_lane.get(lane, ()):
                    if line._equipment_key() == key and _overlap(first, line):
                        errors += 1
                for other_rows in lane_cards[:position]:
                    if _overlap(first, other_rows[0][1]):
                        errors += sum(
                            rate_sheet.equipment_key(other) == key
                            for _n, other in other_rows
                        )
    return time.perf_counter() - started, errors


def _overlap(row, other):
    return row["date_from"] <= other["date_to"] and other["date_from"] <= row["date_to"]


def xlsx(headers, rows):
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "constant_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, headers)
    for index, (_number, values) in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(index, col, value, date_format)
            else:
                sheet.write(index, col, value)
    workbook.close()
    return output.getvalue()


def profile_import(wizard):
    """What the Import button does, profiled (BENCH_PROFILE=1): the data the size
    built, imported again."""
    wizard._import_rows(*wizard._read_file())
    wizard.env.flush_all()


def bench(env):
    sizes = [
        int(size) for size in os.environ.get("SIZES", "1000,10000,50000").split(",")
    ]
    pairwise_max = int(os.environ.get("PAIRWISE_MAX", "10000"))
    same_transaction = os.environ.get("SAME_TRANSACTION") == "1"
    user = env.ref("base.user_admin")
    env = env(user=user, context={"lang": "en_US"})
    start = fields.Date.today() + datetime.timedelta(days=1)
    print(
        f"{'rows':>7} {'read s':>7} {'valid. s':>8} {'µs/row':>7} {'peak MiB':>8} "
        f"{'pairwise s':>10} {'import s':>8} {'µs/row':>7} {'q/row':>7} "
        f"{'+MiB':>8} {'maxrss MiB':>10}"
    )
    for size in sizes:
        env.flush_all()
        env.cr.execute("SAVEPOINT bench_rate_import")
        carrier = env["res.partner"].create(
            {"name": "Bench Line", "is_shipping_line": True}
        )
        locations = env["freight.location"].search(
            [("code", "!=", False)], limit=LANES + 1
        )
        lanes = [(locations[0], destination) for destination in locations[1:]]
        lane_codes = [(origin.code, destination.code) for origin, destination in lanes]
        rows = sheet_rows(size, carrier.name, lane_codes, start)
        add_active_rates(env, carrier, lanes, start, len(rows) // (LANES * 4) + 2)
        wizard = env["freight.rate.import"].create(
            {
                "file": base64.b64encode(xlsx(HEADERS, rows)),
                "filename": "bench.xlsx",
                "activate_rates": True,
            }
        )
        env.flush_all()
        env.cr.execute("SAVEPOINT bench_rate_import_rows")
        started = time.perf_counter()
        headers, read_rows = wizard._read_file()
        read = time.perf_counter() - started
        assert len(read_rows) == size
        env.invalidate_all()
        started = time.perf_counter()
        wizard._validate_rows(headers, read_rows)
        validate = time.perf_counter() - started
        env.invalidate_all()
        peak = memory_peak_mib(
            functools.partial(wizard._validate_rows, headers, read_rows)
        )
        pairwise = "-"
        if size <= pairwise_max:
            env.invalidate_all()
            seconds, errors = pairwise_overlaps(wizard, headers, read_rows)
            assert not errors
            pairwise = f"{seconds:.1f}"
        del headers, read_rows
        env.invalidate_all()
        rss_before = rss_mib()
        maxrss_before = max_rss_mib()
        queries_before = env.cr.sql_log_count
        started = time.perf_counter()
        # what the Import button does: read the file, validate, create, activate
        headers, read_rows = wizard._read_file()
        rates = wizard._import_rows(headers, read_rows)
        env.flush_all()
        imported = time.perf_counter() - started
        queries = env.cr.sql_log_count - queries_before
        maxrss = max_rss_mib()
        # the peak of this import over the process before it (the maximum resident
        # size only grows: an earlier, larger peak hides this one)
        growth = max(maxrss - max(rss_before, maxrss_before), 0)
        assert len(rates.line_ids) == size
        print(
            f"{size:>7} {read:>7.1f} {validate:>8.1f} {validate / size * 1e6:>7.0f} "
            f"{peak:>8.0f} {pairwise:>10} {imported:>8.1f} "
            f"{imported / size * 1e6:>7.0f} {queries / size:>7.3f} {growth:>8.0f} "
            f"{maxrss:>10.0f}",
            flush=True,
        )
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_rate_import_rows")
        env.invalidate_all()
        profile_if_asked(functools.partial(profile_import, wizard))
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_rate_import")
        env.invalidate_all()
        if not same_transaction:
            # the next size imports into the database as it was, not beside the
            # dead rows of this one (kept until the transaction ends otherwise)
            env.cr.rollback()
            vacuum(env, *VACUUMED)
    print(machine())
    env.cr.rollback()


bench(env)  # noqa: F821 (the odoo shell provides env)
