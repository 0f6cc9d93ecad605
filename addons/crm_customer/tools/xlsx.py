"""Rows written to an xlsxwriter sheet in constant_memory mode as one piece of XML
each, many rows at a time: the cells xlsxwriter would write (inline strings, numbers,
dates as serial numbers with their format), without its per-cell objects and calls,
which cost ten times the rest of a large export."""

import datetime
import math
from operator import add, itemgetter
import os
import re
import shutil

from xlsxwriter.utility import (
    datetime_to_excel_datetime,
    preserve_whitespace,
    xl_col_to_name,
)
from xlsxwriter.worksheet import Worksheet

# what xlsxwriter escapes in inline strings (worksheet.py, xmlwriter.py)
_CONTROL_ESCAPES = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL_CHARS = re.compile(r"([\x00-\x08\x0b-\x1f])")
_STRING_MAX = 32767
# xlsxwriter's epochs (utility.datetime_to_excel_datetime)
_EPOCH = datetime.datetime(1899, 12, 31)
_EPOCH_1904 = datetime.datetime(1904, 1, 1)
_SECONDS_PER_DAY = 60 * 60 * 24


def _plain(string):
    """Whether xlsxwriter writes ``string`` as it is, tested in C: no control
    character (nor any space but " ", none of them printable), no XML special, no
    escape look-alike, no space at either end, not too long."""
    return (
        string.isprintable()
        and "&" not in string
        and "<" not in string
        and ">" not in string
        and "_x" not in string
        and string[:1] != " "
        and string[-1:] != " "
        and len(string) <= _STRING_MAX
    )


def _plain_strings(joined):
    """Whether every string of ``joined`` (strings joined by "|") is plain."""
    return _plain(joined) and " |" not in joined and "| " not in joined


def _tuple_getter(cols):
    """A function giving the values of ``cols`` of a row, as a tuple; None for no
    column."""
    if not cols:
        return None
    if len(cols) == 1:
        col = cols[0]
        return lambda values: (values[col],)
    return itemgetter(*cols)


def row_values_getter(getters):
    """A function giving the cells of a row from what the row is made of, one
    getter per column: a function of it, or an ``int``, the position of the
    cell's value in it (a tuple of values, e.g. a row of a query). Positions
    alone are read by one call in C."""
    if getters and all(type(getter) is int for getter in getters):
        return _tuple_getter(getters)
    functions = [
        itemgetter(getter) if type(getter) is int else getter for getter in getters
    ]
    return lambda record: [function(record) for function in functions]


class StreamedWorksheet(Worksheet):
    """A worksheet that also takes whole rows of cells written by ``XlsxRowEncoder``
    (``write_xml_row``, ``write_xml_rows``), in constant_memory mode, between or
    after rows written through xlsxwriter's own ``write_*`` methods."""

    def write_xml_row(self, row, cells, last_col):
        """Write row ``row`` (zero-based, after every row written so far) from the
        XML of its cells, the last one in column ``last_col``."""
        self.write_xml_rows(row, [cells], last_col)

    def write_xml_rows(self, first_row, rows, last_col):
        """Write the rows from ``first_row`` on (zero-based, after every row
        written so far), one list of cells' XML each, at once: the checks
        xlsxwriter makes per cell made once for all of them."""
        assert self.constant_memory, "rows are streamed in constant_memory mode"
        last_row = first_row + len(rows) - 1
        for row, col in ((first_row, 0), (last_row, last_col)):
            if self._check_dimensions(row, col):
                raise ValueError(f"Row {row} cannot be written any more")
        # writes out the row xlsxwriter still holds (the headers, a row it wrote)
        self._write_single_row(first_row)
        self.previous_row = last_row
        self.fh.write(
            "".join(
                f'<row r="{row}">{"".join(cells)}</row>'
                for row, cells in enumerate(rows, start=first_row + 1)
            )
        )

    def _write_optimized_sheet_data(self):
        """xlsxwriter's, copying the rows' XML from its temporary file to the
        sheet's as bytes: the rows were encoded to UTF-8 once, as they were
        written, and are not decoded and encoded again."""
        if self.dim_rowmin is None or not hasattr(self.fh, "buffer"):
            super()._write_optimized_sheet_data()
            return
        self._xml_start_tag("sheetData")
        self.row_data_fh.flush()
        self.fh.flush()
        with open(self.row_data_filename, "rb") as rows:
            shutil.copyfileobj(rows, self.fh.buffer, 1 << 20)
        self.row_data_fh.close()
        os.unlink(self.row_data_filename)
        self._xml_end_tag("sheetData")


def add_streamed_worksheet(workbook, name):
    return workbook.add_worksheet(name, worksheet_class=StreamedWorksheet)


class XlsxRowEncoder:
    """The XML of a row's cells as xlsxwriter writes them: ``str`` as inline
    strings, ``int``/``float`` as numbers, ``datetime``/``date`` as serial numbers
    (a datetime through ``local_time`` first, e.g. to the user's time zone),
    ``False``/``None`` as nothing (an empty cell); ``formats`` gives each type's
    xlsxwriter format (or None)."""

    def __init__(self, formats, local_time=None, date_1904=False):
        self.date_1904 = date_1904
        self.local_time = local_time
        self.styles = {
            kind: f' s="{cell_format._get_xf_index()}"' if cell_format else ""
            for kind, cell_format in formats.items()
        }
        self.column_names = []
        # value types of a row -> how such rows are written (see _plan)
        self._plans = {}

    def encode(self, row, values, shape=None):
        """The XML of the cells of zero-based row ``row`` (a list of pieces to
        join), or None when a value is none of the types above (NaN included):
        xlsxwriter's own methods write it.

        A large export's rows mostly have the same value types column by column:
        for those the row is one ``str.format`` of a template made once, after
        tests in C that no string needs escaping and no number is NaN; any other
        row is encoded cell by cell. ``shape``: the values' types, when the
        caller has them."""
        if shape is None:
            shape = tuple(map(type, values))
        plan = self._plans.get(shape)
        if plan is None:
            plan = self._plans[shape] = self._plan(shape)
        if plan:
            template, strings, numbers, falses, dates = plan
            if (
                (not strings or _plain_strings("|".join(strings(values))))
                and (not numbers or all(map(math.isfinite, numbers(values))))
                and (not falses or not any(falses(values)))
            ):
                if dates:
                    values = list(values)
                    local_time = self.local_time
                    for col in dates:
                        value = values[col]
                        if local_time and type(value) is datetime.datetime:
                            value = local_time(value)
                        values[col] = self._serial(value)
                return [template.format(row + 1, *values)]
        return self._encode_cells(row, values)

    def _plan(self, shape):
        """(template, getters of the strings, the numbers and the booleans, date
        columns) for rows of value types ``shape``, or False when a type is one
        the template cannot write (booleans must be False, empty)."""
        names = [xl_col_to_name(col) for col in range(len(shape))]
        pieces, strings, numbers, falses, dates = [], [], [], [], []
        for col, (name, kind) in enumerate(zip(names, shape, strict=True)):
            ref = f'<c r="{name}{{0}}"'
            if kind is str:
                pieces.append(
                    f'{ref}{self.styles[str]} t="inlineStr"><is><t>{{{col + 1}}}'
                    "</t></is></c>"
                )
                strings.append(col)
            elif kind is float or kind is int:
                pieces.append(
                    f"{ref}{self.styles[float]}><v>{{{col + 1}:.16G}}</v></c>"
                )
                numbers.append(col)
            elif kind is datetime.datetime or kind is datetime.date:
                style = self.styles[kind]
                pieces.append(f"{ref}{style}><v>{{{col + 1}:.16G}}</v></c>")
                dates.append(col)
            elif kind is bool:
                falses.append(col)
            elif kind is not type(None):
                return False
        return (
            "".join(pieces),
            _tuple_getter(strings),
            _tuple_getter(numbers),
            _tuple_getter(falses),
            dates,
        )

    def _encode_cells(self, row, values):
        names = self.column_names
        while len(names) < len(values):
            names.append(xl_col_to_name(len(names)))
        number = str(row + 1)
        number_style, string_style = self.styles[float], self.styles[str]
        local_time = self.local_time
        cells = []
        # names may be longer than values: a previous row had more cells
        for name, value in zip(names, values, strict=False):
            kind = type(value)
            if kind is str:
                if _plain(value):
                    cells.append(
                        f'<c r="{name}{number}"{string_style} t="inlineStr">'
                        f"<is><t>{value}</t></is></c>"
                    )
                else:
                    cells.append(self._string(name + number, string_style, value))
            elif kind is float or kind is int:
                if not math.isfinite(value):
                    return None
                cells.append(
                    f'<c r="{name}{number}"{number_style}><v>{value:.16G}</v></c>'
                )
            elif value is None or value is False:
                continue
            elif isinstance(value, str):
                cells.append(self._string(name + number, string_style, value))
            elif kind is datetime.datetime or kind is datetime.date:
                if kind is datetime.datetime and local_time:
                    value = local_time(value)
                cells.append(
                    f'<c r="{name}{number}"{self.styles[kind]}>'
                    f"<v>{self._serial(value):.16G}</v></c>"
                )
            else:
                return None
        return cells

    def _serial(self, value):
        """``datetime_to_excel_datetime(value)``, computed as it computes it (the
        same float) without its type tests; xlsxwriter's own for the dates of 1900
        and before (Excel's 1900 quirks) and for time zone aware datetimes."""
        if value.year <= 1900:
            return datetime_to_excel_datetime(value, self.date_1904, False)
        if type(value) is datetime.date:
            value = datetime.datetime.fromordinal(value.toordinal())
        elif value.tzinfo is not None:
            return datetime_to_excel_datetime(value, self.date_1904, False)
        delta = value - (_EPOCH_1904 if self.date_1904 else _EPOCH)
        serial = (
            delta.days
            + (float(delta.seconds) + float(delta.microseconds) / 1e6)
            / _SECONDS_PER_DAY
        )
        # Excel's 1900 is a leap year
        if not self.date_1904 and serial > 59:
            serial += 1
        return serial

    @staticmethod
    def _string(ref, style, value):
        # plain str: Markup would escape the escapes
        string = str.__str__(value)[:_STRING_MAX]
        string = _CONTROL_ESCAPES.sub(r"_x005F\1", string)
        string = _CONTROL_CHARS.sub(lambda match: f"_x{ord(match[1]):04X}_", string)
        string = string.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
        space = ' xml:space="preserve"' if preserve_whitespace(string) else ""
        string = string.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{string}</t></is></c>'


class ColumnSums:
    """The sums of the numeric cells (``int``, ``float``) of rows, column by
    column: ``add(values)`` per row, then ``sums(width)``, one value per column
    (None where no row has a number). Rows are summed in C, grouped by the types of
    their values (a large export's rows mostly share them)."""

    def __init__(self):
        # value types of a row -> (numeric columns, their getter, their sums)
        self._by_shape = {}

    def add(self, values, shape=None):
        """Add a row's numbers; ``shape``: the values' types, when known."""
        if shape is None:
            shape = tuple(map(type, values))
        group = self._by_shape.get(shape)
        if group is None:
            cols = [
                col for col, kind in enumerate(shape) if kind is float or kind is int
            ]
            group = self._by_shape[shape] = [cols, _tuple_getter(cols), [0] * len(cols)]
        cols, getter, sums = group
        if cols:
            group[2] = list(map(add, sums, getter(values)))

    def sums(self, width):
        result = [None] * width
        for cols, _getter, sums in self._by_shape.values():
            for col, value in zip(cols, sums, strict=True):
                result[col] = value if result[col] is None else result[col] + value
        return result
