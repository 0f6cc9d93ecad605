"""Rate cards out of a rate sheet's parsed rows: grouping, a card's values and
surcharges, and the overlap sweep over the sheet and the active rates.

Plain functions of the rows ``rate_sheet.parse_rows`` returns and of the lookup
tables the caller fetched; errors are ``(row number, lazy message)`` pairs.
"""

import bisect
from collections import defaultdict
import heapq

from odoo.tools.translate import LazyTranslate

from .rate_sheet import (
    CARD_KEYS,
    CARD_TERMS,
    LABELS,
    equipment_key,
    number,
    shorten,
    text,
)

_lt = LazyTranslate(__name__, default_lang="en_US")

# ------------------------------------------------------------
# RATE CARDS
# ------------------------------------------------------------


def group_cards(parsed):
    """The parsed rows by rate card, in the order cards first appear."""
    cards = defaultdict(list)
    for row_number, row in parsed:
        cards[tuple(row[key] for key in CARD_KEYS)].append((row_number, row))
    return list(cards.values())


def card_values(card_rows, surcharges, masters):
    """``(values, errors)``: one rate card's fields, its ``lines`` and its
    ``surcharges`` as lists of dicts, from its rows."""
    errors = []
    first_number, first = card_rows[0]
    for key in CARD_TERMS:
        errors += [
            (
                row_number,
                _lt(
                    "%(column)s differs from row %(row)s of the same rate.",
                    column=LABELS[key],
                    row=first_number,
                ),
            )
            for row_number, row in card_rows[1:]
            if row[key] and first[key] and row[key] != first[key]
        ]
    seen = {}
    for row_number, row in card_rows:
        key = equipment_key(row)
        if key in seen:
            errors.append(
                (
                    row_number,
                    _lt(
                        "the same equipment or weight break as row %(row)s of the "
                        "same rate.",
                        row=seen[key],
                    ),
                )
            )
        seen.setdefault(key, row_number)

    def term(key):
        return next((row[key] for _number, row in card_rows if row[key]), False)

    values = {
        "carrier_id": first["carrier"],
        "freight_mode": first["mode"],
        "origin_id": first["origin"],
        "destination_id": first["destination"],
        "via_id": first["via"],
        "date_from": first["date_from"],
        "date_to": first["date_to"],
        "currency_id": first["currency"],
        "transit_days": term("transit_days") or 0,
        "free_days": term("free_days") or 0,
        "minimum_amount": term("minimum") or 0.0,
        "remarks": term("remarks") or False,
        "lines": [
            {
                "container_type_id": row["container_type"],
                "vehicle_type_id": row["vehicle_type"],
                "weight_break": row["weight_break"],
                "price": row["price"] or 0.0,
            }
            for _number, row in card_rows
        ],
    }
    values["surcharges"], surcharge_errors = _card_surcharges(
        card_rows, surcharges, masters
    )
    return values, errors + surcharge_errors


def _card_surcharges(card_rows, surcharges, masters):
    result, errors = [], []
    first = card_rows[0][1]
    for index, code, currency_name in surcharges:
        currency = (
            masters.currency.get(currency_name) if currency_name else first["currency"]
        )
        amounts = []
        for row_number, row in card_rows:
            raw = row["values"][index] if index < len(row["values"]) else None
            amount = number(raw, default=None)
            if text(raw) and (amount is None or amount < 0):
                errors.append(
                    (
                        row_number,
                        _lt(
                            "%(value)s is not an amount for %(charge)s.",
                            value=shorten(raw),
                            charge=code,
                        ),
                    )
                )
            elif amount is not None:
                amounts.append((row_number, row, amount))
        if not amounts:
            continue
        if not currency:
            errors.append(
                (
                    amounts[0][0],
                    _lt("unknown currency %(currency)s.", currency=currency_name),
                )
            )
            continue
        values = {"charge_type_id": masters.charge[code], "currency_id": currency}
        same = len({amount for _n, _r, amount in amounts}) == 1
        if same and (len(amounts) == len(card_rows) or first["mode"] != "sea_fcl"):
            result.append(dict(values, amount=amounts[0][2]))
        elif first["mode"] == "sea_fcl":
            result += [
                dict(values, amount=amount, container_type_id=row["container_type"])
                for _n, row, amount in amounts
            ]
        else:
            errors.append(
                (
                    amounts[1][0],
                    _lt(
                        "%(charge)s differs from row %(row)s of the same rate: only "
                        "Sea FCL surcharges can vary by container type.",
                        charge=code,
                        row=amounts[0][0],
                    ),
                )
            )
    return result, errors


# ------------------------------------------------------------
# OVERLAPS
# ------------------------------------------------------------


def lane(row):
    return tuple(row[key] for key in CARD_KEYS[:5])


def card_lane(values):
    """The lane of a card's values (see ``card_values``), as ``lane`` gives it."""
    keys = ("carrier_id", "freight_mode", "origin_id", "destination_id", "via_id")
    return tuple(values[key] for key in keys)


def find_overlaps(cards, existing=()):
    """Errors for rows whose validity overlaps, for the same lane and equipment,
    another card of the sheet or an active rate in ``existing``: dicts with
    ``lane``, ``equipment``, ``date_from``, ``date_to`` and ``name``; active rates
    never overlap each other (the database refuses it).

    Rows are sorted per lane and equipment and swept once: a row overlaps an earlier
    starting one exactly when it starts before the furthest end seen so far, so
    every overlapping pair yields an error on one of its rows (rows of one card
    share their dates: ``card_values`` reports them as duplicates). Each row is then
    placed among the active rates by bisection: O(n log n), not one comparison per
    pair of rows."""
    groups = defaultdict(list)
    for card, card_rows in enumerate(cards):
        first = card_rows[0][1]
        for row_number, row in card_rows:
            groups[lane(first), equipment_key(row)].append(
                (first["date_from"], row_number, first["date_to"], card)
            )
    active = defaultdict(list)
    for line in existing:
        active[line["lane"], line["equipment"]].append(
            (line["date_from"], line["date_to"], line["name"])
        )
    errors = []
    for key, items in groups.items():
        items.sort()
        reach_to = reach_row = reach_card = None
        for date_from, row_number, date_to, card in items:
            if reach_to is not None and date_from <= reach_to and card != reach_card:
                errors.append(
                    (
                        row_number,
                        _lt(
                            "its validity overlaps row %(row)s for the same carrier, "
                            "lane and equipment.",
                            row=reach_row,
                        ),
                    )
                )
            if reach_to is None or date_to > reach_to:
                reach_to, reach_row, reach_card = date_to, row_number, card
        errors += _overlaps_with_active(items, sorted(active.get(key, ())))
    return errors


def _overlaps_with_active(items, lines):
    """Rows of one lane and equipment overlapping one of ``lines``, disjoint and
    sorted: only the last line starting before a row ends can overlap it."""
    if not lines:
        return []
    starts = [line[0] for line in lines]
    errors = []
    for date_from, row_number, date_to, _card in items:
        position = bisect.bisect_right(starts, date_to) - 1
        if position >= 0 and lines[position][1] >= date_from:
            line_from, line_to, name = lines[position]
            errors.append(
                (
                    row_number,
                    _lt(
                        "overlaps the active rate %(rate)s (valid %(date_from)s to "
                        "%(date_to)s) for the same equipment.",
                        rate=name,
                        date_from=line_from,
                        date_to=line_to,
                    ),
                )
            )
    return errors


def overlapping_pairs(periods):
    """The pairs ``(a, b)`` of ``periods`` of the same key whose days overlap, both
    ways round, sorted; ``periods`` are ``(key, date_from, date_to, ident)``
    tuples, dates included. Sorted by start and swept once per key, with a heap of
    the periods still running: O(n log n) plus the pairs found, not one comparison
    per pair of periods."""
    groups = defaultdict(list)
    for key, date_from, date_to, ident in periods:
        groups[key].append((date_from, date_to, ident))
    pairs = []
    for items in groups.values():
        items.sort()
        running = []  # (date_to, ident) of the periods started so far, by end
        for date_from, date_to, ident in items:
            while running and running[0][0] < date_from:
                heapq.heappop(running)
            for _end, other in running:
                pairs += [(ident, other), (other, ident)]
            heapq.heappush(running, (date_to, ident))
    return sorted(pairs)
