"""The buy-rate sheet: its columns, and the checks of its cells and rows.

Plain functions of cell values and of lookup tables (name -> id) the caller fetched,
so the rules are tested without a database and a sheet of any size is checked in
time proportional to its rows; ``rate_cards`` makes rate cards of the parsed rows.
Errors are ``(row number, lazy message)`` pairs, row 0 for the sheet itself; the
caller translates them (``env._(message)``).
"""

import csv
import datetime
import io

import openpyxl

from odoo.tools.misc import xlsxwriter
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__, default_lang="en_US")

# The columns of the sheet, in order. Any further column is a surcharge headed by a
# charge code ("BAF"), in the rate's currency, or a code and a currency ("THC VND").
COLUMNS = [
    ("carrier", _lt("Carrier")),
    ("mode", _lt("Mode")),
    ("origin", _lt("Origin")),
    ("destination", _lt("Destination")),
    ("via", _lt("Via")),
    ("date_from", _lt("Valid From")),
    ("date_to", _lt("Valid To")),
    ("currency", _lt("Currency")),
    ("transit_days", _lt("Transit Days")),
    ("free_days", _lt("Free Days")),
    ("equipment", _lt("Equipment")),
    ("price", _lt("Price")),
    ("minimum", _lt("Minimum")),
    ("remarks", _lt("Remarks")),
]
LABELS = dict(COLUMNS)
REQUIRED = ("carrier", "mode", "origin", "destination", "date_from", "date_to")
REQUIRED += ("currency", "price")
# what makes one rate card out of several rows; the first five are its lane
CARD_KEYS = ("carrier", "mode", "origin", "destination", "via")
CARD_KEYS += ("date_from", "date_to", "currency")
# the card's own terms: every row of a card must give the same value
CARD_TERMS = ("transit_days", "free_days", "minimum", "remarks")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
AIR_CLASS_N = {"n", "normal"}
# a cell value quoted in a message is cut to this many characters
MAX_VALUE_LENGTH = 60


# The Instructions sheet of the template, one line each.
INSTRUCTIONS = [
    _lt("How to fill in the Rates sheet"),
    _lt(
        "One row per price; rows with the same carrier, mode, origin, "
        "destination, via, validity and currency make one rate card."
    ),
    _lt(
        "Carrier: the name of a partner flagged as shipping line, airline, "
        "co-loader or trucking company."
    ),
    _lt("Mode: Sea FCL, Sea LCL, Air or Trucking."),
    _lt(
        "Origin, Destination, Via: UN/LOCODE (VNCLI) or IATA airport code "
        "(SGN); Via may stay empty."
    ),
    _lt(
        "Valid From, Valid To: dates (YYYY-MM-DD or DD/MM/YYYY); Currency: "
        "ISO code (USD)."
    ),
    _lt(
        "Transit Days, Free Days, Minimum, Remarks: once per rate card; rows "
        "of one card must not contradict each other."
    ),
    _lt(
        "Equipment: the container type (20GP, 40HC or its ISO code) for Sea "
        "FCL, the truck type for Trucking, the weight break in kg for Air (N "
        "or 0, 45, 100, 300, 500, 1000), empty for Sea LCL."
    ),
    _lt(
        "Price: per container (FCL), per W/M (LCL), per kg (Air) or per trip "
        "(Trucking); Minimum: the minimum charge of Air and Sea LCL rates."
    ),
    _lt(
        "Surcharges: add one column per charge, its header being the charge "
        "code (BAF, THC, FSC...), optionally followed by a currency when the "
        "amount is not in the rate's currency (THC VND). The charge's basis "
        "applies (per container, per shipment, per kg, per W/M, per trip or "
        "a percentage of the freight)."
    ),
    _lt(
        "Sea FCL: a surcharge given with the same amount on every row of a "
        "card applies to all containers; otherwise each amount applies to "
        "the container type of its row. Other modes: one amount per card."
    ),
    _lt(
        "Nothing is imported while any row has an error: the errors are listed "
        "with their row numbers (the first 100, then how many more)."
    ),
]


def template_examples(date_from, date_to):
    """The example rows of the template, after its headers and a BAF and THC VND
    column."""
    return [
        ["Ocean Line", "Sea FCL", "VNCLI", "CNSHA", "", date_from, date_to, "USD",
         7, 14, "20GP", 900, "", "", 150, 2_500_000],
        ["Ocean Line", "Sea FCL", "VNCLI", "CNSHA", "", date_from, date_to, "USD",
         7, 14, "40HC", 1500, "", "", 300, 3_800_000],
        ["Sky Cargo", "Air", "SGN", "PVG", "", date_from, date_to, "USD",
         2, "", "N", 4.2, 75, "", "", ""],
        ["Sky Cargo", "Air", "SGN", "PVG", "", date_from, date_to, "USD",
         2, "", 45, 3.6, 75, "", "", ""],
    ]  # fmt: skip


def template_xlsx(titles, headers, examples, instructions):
    """The template workbook: a sheet of headers and examples, and one of
    instructions; ``titles`` names both."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet(titles[0])
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header, bold)
    for row, values in enumerate(examples, start=1):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(row, col, value, date_format)
            else:
                sheet.write(row, col, value)
    help_sheet = workbook.add_worksheet(titles[1])
    help_sheet.set_column(0, 0, 120)
    for row, line in enumerate(instructions):
        help_sheet.write_string(row, 0, line, bold if row == 0 else None)
    workbook.close()
    return output.getvalue()


# ------------------------------------------------------------
# CELLS
# ------------------------------------------------------------


def text(value):
    if value is None or value is False:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def shorten(value, size=MAX_VALUE_LENGTH):
    """The cell's text as quoted in a message: at most ``size`` characters."""
    value = text(value)
    return value if len(value) <= size else value[: size - 1].rstrip() + "…"


def number(value, integer=False, default=0):
    """The cell as a number: ``default`` when empty, None when not a number."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        result = value
    else:
        try:
            result = float(str(value).strip().replace(" ", ""))
        except ValueError:
            return None
    if integer:
        return int(result) if float(result).is_integer() else None
    return float(result)


def date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    value = text(value)
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    return None


def read_table(content, filename):
    """The rows of a csv file, or of the first sheet of an xlsx one, streamed
    (openpyxl's read-only mode); a ValueError when the file is neither."""
    if (filename or "").lower().endswith(".csv"):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            content = content.decode("latin-1")
        try:
            dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        yield from csv.reader(io.StringIO(content), dialect)
        return
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
        yield from workbook.worksheets[0].iter_rows(values_only=True)
        workbook.close()
    except Exception as error:  # openpyxl raises whatever its parsers raise
        raise ValueError(str(error)) from error


def split_table(table):
    """``(headers, rows)``: rows as ``(row number, values)``, empty rows left out;
    ``(None, [])`` when there is no row at all."""
    table = iter(table)
    first = next(table, None)
    if first is None:
        return None, []
    headers = [text(value) for value in first]
    rows = [
        (row_number, list(values))
        for row_number, values in enumerate(table, start=2)
        if any(value not in (None, "") for value in values)
    ]
    return headers, rows


# ------------------------------------------------------------
# HEADERS
# ------------------------------------------------------------


def header_keys(*label_tables):
    """Column key of each lower-cased header: the key itself or its label in one of
    ``label_tables`` (key -> header, e.g. in English and in the user's language)."""
    keys = {key: key for key, _label in COLUMNS}
    for labels in label_tables:
        keys.update({label.lower(): key for key, label in labels.items()})
    return keys


def surcharge_codes(headers, keys):
    """The charge codes the headers that are no rate column start with."""
    return {
        header.split()[0].upper()
        for header in headers
        if header and header.lower() not in keys
    }


def map_headers(headers, keys, charge_ids):
    """``(columns, surcharges, errors)``: the index of each rate column, and
    ``(index, charge code, currency name or None)`` of each surcharge column;
    ``charge_ids`` maps the known charge codes (upper case) to their ids."""
    columns, surcharges, errors = {}, [], []
    for index, header in enumerate(headers):
        if not header:
            continue
        key = keys.get(header.lower())
        if key:
            columns[key] = index
            continue
        code, *currency = header.split()
        if code.upper() not in charge_ids or len(currency) > 1:
            errors.append(
                (
                    0,
                    _lt(
                        "Column %(column)s is neither a rate column nor a charge "
                        "code (BAF, THC...) optionally followed by a currency.",
                        column=shorten(header),
                    ),
                )
            )
            continue
        surcharges.append(
            (index, code.upper(), currency[0].upper() if currency else None)
        )
    errors += [
        (0, _lt("The column %(column)s is missing.", column=LABELS[key]))
        for key in REQUIRED
        if key not in columns
    ]
    return columns, surcharges, errors


def column_texts(rows, columns, *keys):
    """The distinct non-empty texts of these columns, to look them up at once."""
    indexes = [columns[key] for key in keys if key in columns]
    return {
        value
        for _number, values in rows
        for index in indexes
        if index < len(values) and (value := text(values[index]))
    }


# ------------------------------------------------------------
# ROWS
# ------------------------------------------------------------


class Masters:
    """The lookup tables a sheet's rows are checked against, from names to ids:
    ``carrier`` (lower-case name -> list of ids: names need not be unique),
    ``mode`` (lower-case key or label -> mode key), ``location`` (code -> id),
    ``container``, ``vehicle``, ``currency`` and ``charge`` (upper-case name -> id)."""

    def __init__(self, **tables):
        self.carrier = tables.get("carrier", {})
        self.mode = tables.get("mode", {})
        self.location = tables.get("location", {})
        self.container = tables.get("container", {})
        self.vehicle = tables.get("vehicle", {})
        self.currency = tables.get("currency", {})
        self.charge = tables.get("charge", {})


def parse_rows(rows, columns, masters, today=None):
    """``(parsed, errors)``: each row without error as ``(row number, values)``
    with ids, dates and numbers. ``today`` given, ended validities are refused
    (the rates are to be activated)."""
    parsed, errors = [], []
    for row_number, values in rows:
        cells = {
            key: values[index] if index < len(values) else None
            for key, index in columns.items()
        }
        row = {"values": values, "remarks": text(cells.get("remarks"))}
        row_errors = _parse_lane(row, cells, masters)
        row_errors += _parse_validity(row, cells, masters, today)
        row_errors += _parse_amounts(row, cells)
        row_errors += _parse_equipment(row, text(cells.get("equipment")), masters)
        if row_errors:
            errors += [(row_number, message) for message in row_errors]
        else:
            parsed.append((row_number, row))
    return parsed, errors


def _parse_lane(row, cells, masters):
    errors = []
    carrier_name = text(cells.get("carrier"))
    carriers = masters.carrier.get(carrier_name.lower(), ()) if carrier_name else ()
    if not carrier_name:
        errors.append(_lt("the carrier is missing."))
    elif not carriers:
        errors.append(
            _lt("unknown carrier %(carrier)s.", carrier=shorten(carrier_name))
        )
    elif len(carriers) > 1:
        errors.append(
            _lt(
                "several carriers are named %(carrier)s.", carrier=shorten(carrier_name)
            )
        )
    row["carrier"] = carriers[0] if carriers else False
    mode_name = text(cells.get("mode"))
    row["mode"] = masters.mode.get(mode_name.lower())
    if not row["mode"]:
        errors.append(_lt("unknown mode %(mode)s.", mode=shorten(mode_name)))
    for key in ("origin", "destination", "via"):
        code = text(cells.get(key)).upper()
        row[key] = masters.location.get(code, False) if code else False
        if code and not row[key]:
            errors.append(_lt("unknown location code %(code)s.", code=shorten(code)))
        elif key != "via" and not code:
            errors.append(_lt("the %(column)s is missing.", column=LABELS[key]))
    if row["origin"] and row["origin"] == row["destination"]:
        errors.append(_lt("origin and destination are the same."))
    return errors


def _parse_validity(row, cells, masters, today):
    errors = []
    for key in ("date_from", "date_to"):
        row[key] = date(cells.get(key))
        if not row[key]:
            errors.append(
                _lt(
                    "%(value)s is not a date (YYYY-MM-DD or DD/MM/YYYY).",
                    value=shorten(cells.get(key)) or _lt("an empty cell"),
                )
            )
    if row["date_from"] and row["date_to"]:
        if row["date_to"] < row["date_from"]:
            errors.append(
                _lt(
                    "the validity ends (%(date_to)s) before it starts (%(date_from)s).",
                    date_to=row["date_to"],
                    date_from=row["date_from"],
                )
            )
        elif today and row["date_to"] < today:
            errors.append(
                _lt(
                    "the validity ended on %(date)s: the rate cannot be activated.",
                    date=row["date_to"],
                )
            )
    currency_name = text(cells.get("currency")).upper()
    row["currency"] = masters.currency.get(currency_name)
    if not row["currency"]:
        errors.append(
            _lt("unknown currency %(currency)s.", currency=shorten(currency_name))
        )
    return errors


def _parse_amounts(row, cells):
    errors = []
    for key in ("transit_days", "free_days"):
        row[key] = number(cells.get(key), integer=True)
        if row[key] is None or row[key] < 0:
            errors.append(
                _lt("%(value)s is not a number of days.", value=shorten(cells.get(key)))
            )
    for key in ("price", "minimum"):
        row[key] = number(cells.get(key))
        if row[key] is None or row[key] < 0:
            errors.append(
                _lt(
                    "%(value)s is not a price: a number, zero or more.",
                    value=shorten(cells.get(key)),
                )
            )
    if text(cells.get("price")) == "":
        errors.append(_lt("the price is missing."))
    return errors


def _parse_equipment(row, equipment, masters):
    errors = []
    row["container_type"] = row["vehicle_type"] = False
    row["weight_break"] = 0.0
    mode = row["mode"]
    if mode == "sea_fcl":
        row["container_type"] = masters.container.get(equipment.upper(), False)
        if not row["container_type"]:
            errors.append(
                _lt(
                    "unknown container type %(equipment)s.",
                    equipment=shorten(equipment),
                )
                if equipment
                else _lt("an FCL price needs a container type.")
            )
    elif mode == "truck":
        row["vehicle_type"] = masters.vehicle.get(equipment.upper(), False)
        if not row["vehicle_type"]:
            errors.append(
                _lt("unknown truck type %(equipment)s.", equipment=shorten(equipment))
                if equipment
                else _lt("a trucking price needs a truck type.")
            )
    elif mode == "air" and equipment.lower() not in AIR_CLASS_N | {""}:
        weight_break = number(equipment.lstrip("+"))
        if weight_break is None or weight_break < 0:
            errors.append(
                _lt(
                    "%(equipment)s is not a weight break: N, 45, 100, 300...",
                    equipment=shorten(equipment),
                )
            )
        row["weight_break"] = weight_break or 0.0
    return errors


def equipment_key(row):
    return (row["container_type"], row["vehicle_type"], row["weight_break"])


# ------------------------------------------------------------
# MESSAGES
# ------------------------------------------------------------


def error_lines(errors, translate, limit=100):
    """The errors as sorted, distinct lines, at most ``limit`` of them, and the
    number of lines left out; ``translate`` renders a lazy message (``env._``)."""
    lines = sorted({(row, translate(message)) for row, message in errors})
    rendered = [
        translate(_lt("Row %(row)s: %(error)s", row=row, error=message))
        if row
        else message
        for row, message in lines
    ]
    return rendered[:limit], max(len(rendered) - limit, 0)
