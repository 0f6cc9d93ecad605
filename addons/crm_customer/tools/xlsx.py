"""Rows written to an xlsxwriter sheet in constant_memory mode as one piece of XML
each: the cells xlsxwriter would write (inline strings, numbers, dates as serial
numbers with their format), without its per-cell objects and calls, which cost ten
times the rest of a large export."""

import datetime
import math
import re

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
# a string written as it is: none of the above, no XML special, no space at either end,
# not too long
_SPECIAL = re.compile(
    r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$|^.{"
    + str(_STRING_MAX + 1)
    + "}",
    re.DOTALL,
)


class StreamedWorksheet(Worksheet):
    """A worksheet that also takes whole rows of cells written by ``XlsxRowEncoder``
    (``write_xml_row``), in constant_memory mode, between or after rows written
    through xlsxwriter's own ``write_*`` methods."""

    def write_xml_row(self, row, cells, last_col):
        """Write row ``row`` (zero-based, after every row written so far) from the
        XML of its cells, the last one in column ``last_col``."""
        assert self.constant_memory, "rows are streamed in constant_memory mode"
        if self._check_dimensions(row, 0) or self._check_dimensions(row, last_col):
            raise ValueError(f"Row {row} cannot be written any more")
        # writes out the row xlsxwriter still holds (the headers, the previous row)
        self._write_single_row(row)
        self.fh.write(f'<row r="{row + 1}">{"".join(cells)}</row>')


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
        self.local_time = local_time or (lambda value: value)
        self.styles = {
            kind: f' s="{cell_format._get_xf_index()}"' if cell_format else ""
            for kind, cell_format in formats.items()
        }
        self.column_names = []

    def encode(self, row, values):
        """The cells of zero-based row ``row``, or None when a value is none of
        the types above (NaN included): xlsxwriter's own methods write it."""
        names = self.column_names
        while len(names) < len(values):
            names.append(xl_col_to_name(len(names)))
        number = str(row + 1)
        number_style, string_style = self.styles[float], self.styles[str]
        cells = []
        # names may be longer than values: a previous row had more cells
        for name, value in zip(names, values, strict=False):
            kind = type(value)
            if kind is str:
                if _SPECIAL.search(value):
                    cells.append(self._string(name + number, string_style, value))
                else:
                    cells.append(
                        f'<c r="{name}{number}"{string_style} t="inlineStr">'
                        f"<is><t>{value}</t></is></c>"
                    )
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
                if kind is datetime.datetime:
                    value = self.local_time(value)
                serial = datetime_to_excel_datetime(value, self.date_1904, False)
                cells.append(
                    f'<c r="{name}{number}"{self.styles[kind]}><v>{serial:.16G}</v></c>'
                )
            else:
                return None
        return cells

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
