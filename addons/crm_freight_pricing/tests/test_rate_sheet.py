import datetime
import functools

from odoo.tests import BaseCase

from ..tools import rate_cards, rate_sheet

D = datetime.date
HEADERS = [str(label) for _key, label in rate_sheet.COLUMNS]
MASTERS = rate_sheet.Masters(
    carrier={"ocean line": [7], "twin line": [8, 9]},
    mode={"sea fcl": "sea_fcl", "air": "air", "sea lcl": "sea_lcl"},
    location={"VNCLI": 1, "CNSHA": 2, "SGN": 3, "PVG": 4},
    container={"20GP": 20, "40HC": 40},
    currency={"USD": 1, "VND": 2},
    charge={"BAF": 11, "THC": 12},
)


def messages(errors):
    return sorted((row, str(message)) for row, message in errors)


def sheet_row(**values):
    row = {
        "carrier": "Ocean Line",
        "mode": "Sea FCL",
        "origin": "VNCLI",
        "destination": "CNSHA",
        "via": "",
        "date_from": D(2026, 3, 1),
        "date_to": D(2026, 3, 31),
        "currency": "USD",
        "transit_days": 7,
        "free_days": 14,
        "equipment": "20GP",
        "price": 900,
        "minimum": "",
        "remarks": "",
        **values,
    }
    return list(row.values())


def parse(*rows, headers=HEADERS, today=None):
    keys = rate_sheet.header_keys(
        {key: str(label) for key, label in rate_sheet.COLUMNS}
    )
    columns, surcharges, errors = rate_sheet.map_headers(headers, keys, MASTERS.charge)
    assert not errors, messages(errors)
    numbered = list(enumerate(rows, start=2))
    parsed, errors = rate_sheet.parse_rows(numbered, columns, MASTERS, today)
    return parsed, surcharges, errors


@functools.total_ordering
class CountingDate:
    """A day number that counts how often it is compared."""

    comparisons = 0

    def __init__(self, day):
        self.day = day

    def __eq__(self, other):
        CountingDate.comparisons += 1
        return self.day == other.day

    def __lt__(self, other):
        CountingDate.comparisons += 1
        return self.day < other.day

    def __hash__(self):
        return hash(self.day)


class TestRateSheet(BaseCase):
    def test_cells(self):
        self.assertEqual(rate_sheet.text(7.0), "7")
        self.assertEqual(rate_sheet.text(None), "")
        self.assertEqual(rate_sheet.number("1 500"), 1500.0)
        self.assertIsNone(rate_sheet.number("abc"))
        self.assertIsNone(rate_sheet.number(2.5, integer=True))
        self.assertEqual(rate_sheet.number("", default=None), None)
        self.assertEqual(rate_sheet.date("31/03/2026"), D(2026, 3, 31))
        self.assertEqual(rate_sheet.date("2026-03-31"), D(2026, 3, 31))
        self.assertIsNone(rate_sheet.date("someday"))

    def test_long_values_are_cut_in_messages(self):
        long_name = "Ocean Line " * 20
        _parsed, _surcharges, errors = parse(sheet_row(carrier=long_name))
        [(row, message)] = messages(errors)
        self.assertEqual(row, 2)
        quoted = message.removeprefix("unknown carrier ").removesuffix(".")
        self.assertEqual(len(quoted), rate_sheet.MAX_VALUE_LENGTH)
        self.assertTrue(quoted.endswith("…"))

    def test_headers_in_english_or_translated_and_surcharge_columns(self):
        english = {key: str(label) for key, label in rate_sheet.COLUMNS}
        keys = rate_sheet.header_keys(english, {"price": "Giá"})
        headers = [*HEADERS[:11], "Giá", "BAF", "THC VND", "XYZ", "BAF USD VND"]
        columns, surcharges, errors = rate_sheet.map_headers(
            headers, keys, MASTERS.charge
        )
        self.assertEqual(columns["price"], 11)
        self.assertEqual(surcharges, [(12, "BAF", None), (13, "THC", "VND")])
        self.assertEqual(
            [message.split(" is ")[0] for _row, message in messages(errors)],
            ["Column BAF USD VND", "Column XYZ"],
        )
        _columns, _surcharges, errors = rate_sheet.map_headers(
            HEADERS[:5], keys, MASTERS.charge
        )
        self.assertIn((0, "The column Price is missing."), messages(errors))

    def test_row_checks(self):
        parsed, _surcharges, errors = parse(
            sheet_row(),
            sheet_row(carrier="Twin Line"),
            sheet_row(mode="Rail", origin="XXABC"),
            sheet_row(date_from=D(2026, 4, 1)),
            sheet_row(equipment="", price=-1),
            sheet_row(mode="Air", equipment="+45"),
            sheet_row(mode="Air", equipment="heavy"),
            today=D(2026, 3, 15),
        )
        self.assertEqual([row for row, _values in parsed], [2, 7])
        self.assertEqual(parsed[1][1]["weight_break"], 45.0)
        self.assertEqual(
            messages(errors),
            [
                (3, "several carriers are named Twin Line."),
                (4, "unknown location code XXABC."),
                (4, "unknown mode Rail."),
                (5, "the validity ends (2026-03-31) before it starts (2026-04-01)."),
                (6, "-1 is not a price: a number, zero or more."),
                (6, "an FCL price needs a container type."),
                (8, "heavy is not a weight break: N, 45, 100, 300..."),
            ],
        )
        _parsed, _surcharges, errors = parse(sheet_row(), today=D(2026, 4, 1))
        self.assertIn("the rate cannot be activated", messages(errors)[0][1])

    def test_cards_group_rows_and_split_surcharges(self):
        headers = [*HEADERS, "BAF", "THC VND"]
        parsed, surcharges, errors = parse(
            [*sheet_row(), 150, 2_500_000],
            [*sheet_row(equipment="40HC", price=1500), 150, 3_800_000],
            [*sheet_row(mode="Air", origin="SGN", destination="PVG", equipment="N")]
            + [80, ""],
            [*sheet_row(mode="Air", origin="SGN", destination="PVG", equipment=45)]
            + [90, ""],
            headers=headers,
        )
        self.assertFalse(errors)
        fcl, air = rate_cards.group_cards(parsed)
        values, errors = rate_cards.card_values(fcl, surcharges, MASTERS)
        self.assertFalse(errors)
        self.assertEqual(values["carrier_id"], 7)
        self.assertEqual([line["price"] for line in values["lines"]], [900.0, 1500.0])
        self.assertEqual(
            values["surcharges"],
            [
                {"charge_type_id": 11, "currency_id": 1, "amount": 150.0},
                {"charge_type_id": 12, "currency_id": 2, "amount": 2_500_000.0}
                | {"container_type_id": 20},
                {"charge_type_id": 12, "currency_id": 2, "amount": 3_800_000.0}
                | {"container_type_id": 40},
            ],
        )
        _values, errors = rate_cards.card_values(air, surcharges, MASTERS)
        self.assertEqual(
            messages(errors),
            [
                (
                    5,
                    (
                        "BAF differs from row 4 of the same rate: only Sea FCL "
                        "surcharges can vary by container type."
                    ),
                )
            ],
        )

    def test_card_rows_must_agree(self):
        parsed, _surcharges, _errors = parse(
            sheet_row(),
            sheet_row(equipment="40HC", transit_days=9),
            sheet_row(price=950),
        )
        [card] = rate_cards.group_cards(parsed)
        _values, errors = rate_cards.card_values(card, [], MASTERS)
        self.assertEqual(
            messages(errors),
            [
                (3, "Transit Days differs from row 2 of the same rate."),
                (4, "the same equipment or weight break as row 2 of the same rate."),
            ],
        )

    def test_overlaps_within_the_sheet_and_with_active_rates(self):
        parsed, _surcharges, _errors = parse(
            sheet_row(),  # row 2: March, 20GP
            sheet_row(date_from=D(2026, 3, 20), date_to=D(2026, 4, 10)),  # row 3
            sheet_row(date_from=D(2026, 4, 11), date_to=D(2026, 4, 30)),  # row 4
            sheet_row(equipment="40HC", date_from=D(2026, 3, 20)),  # row 5
            sheet_row(
                destination="PVG", date_from=D(2026, 5, 1), date_to=D(2026, 5, 9)
            ),
        )
        active = [
            {
                "lane": (7, "sea_fcl", 1, 4, False),
                "equipment": (20, False, 0.0),
                "date_from": day_from,
                "date_to": day_to,
                "name": name,
            }
            for day_from, day_to, name in [
                (D(2026, 4, 1), D(2026, 4, 30), "FR-1"),
                (D(2026, 5, 5), D(2026, 5, 31), "FR-2"),
            ]
        ]
        errors = rate_cards.find_overlaps(rate_cards.group_cards(parsed), active)
        self.assertEqual(
            messages(errors),
            [
                (
                    3,
                    (
                        "its validity overlaps row 2 for the same carrier, lane and "
                        "equipment."
                    ),
                ),
                (
                    6,
                    (
                        "overlaps the active rate FR-2 (valid 2026-05-05 to "
                        "2026-05-31) for the same equipment."
                    ),
                ),
            ],
        )

    def test_overlap_sweep_is_not_pairwise(self):
        """Comparisons grow like n log n: a pairwise check would make 16 times as
        many for 4 times the rows, and millions for 4,000 rows of one lane."""

        def comparisons(count):
            # one lane and container, one week each, every tenth overlapping
            card_rows = []
            for index in range(count):
                start = index * 7 - (index % 10 == 0)
                row = {
                    "carrier": 7,
                    "mode": "sea_fcl",
                    "origin": 1,
                    "destination": 2,
                    "via": False,
                    "date_from": CountingDate(start),
                    "date_to": CountingDate(start + 6),
                    "container_type": 20,
                    "vehicle_type": False,
                    "weight_break": 0.0,
                }
                card_rows.append([(index + 2, row)])
            active = [
                {
                    "lane": (7, "sea_fcl", 1, 2, False),
                    "equipment": (20, False, 0.0),
                    "date_from": CountingDate(day),
                    "date_to": CountingDate(day),
                    "name": "FR",
                }
                for day in range(3, count * 7, 70)
            ]
            CountingDate.comparisons = 0
            errors = rate_cards.find_overlaps(card_rows, active)
            self.assertTrue(errors)
            return CountingDate.comparisons

        small, large = comparisons(1000), comparisons(4000)
        self.assertLess(large, 6 * small)
        self.assertLess(large, 4000 * 40)

    def test_error_lines_sorted_distinct_and_capped(self):
        errors = [
            (row, rate_sheet._lt("the carrier is missing.")) for row in range(5, 1, -1)
        ]
        errors += [
            (2, rate_sheet._lt("the carrier is missing.")),
            (0, rate_sheet._lt("The file is empty.")),
        ]
        lines, more = rate_sheet.error_lines(errors, str, limit=3)
        self.assertEqual(
            lines,
            [
                "The file is empty.",
                "Row 2: the carrier is missing.",
                "Row 3: the carrier is missing.",
            ],
        )
        self.assertEqual(more, 2)

    def test_overlapping_pairs(self):
        day = functools.partial(datetime.date, 2026, 1)
        periods = [
            ("lane", day(1), day(7), 1),
            ("lane", day(8), day(14), 2),  # touches neither end of 1
            ("lane", day(14), day(20), 3),  # shares the 14th with 2
            ("lane", day(2), day(30), 4),  # over 1, 2 and 3
            ("other", day(1), day(30), 5),  # another lane
        ]
        self.assertEqual(
            rate_cards.overlapping_pairs(periods),
            sorted([(1, 4), (4, 1), (2, 3), (3, 2), (2, 4), (4, 2), (3, 4), (4, 3)]),
        )
        self.assertEqual(rate_cards.overlapping_pairs(periods[:2]), [])
