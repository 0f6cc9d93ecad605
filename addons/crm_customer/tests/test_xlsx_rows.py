import datetime
import io
import zipfile

import openpyxl
from xlsxwriter.utility import datetime_to_excel_datetime

from odoo.tests import BaseCase
from odoo.tools.misc import xlsxwriter

from ..tools import ColumnSums, XlsxRowEncoder, add_streamed_worksheet

VALUES = [
    "Vận tải Biển Đông",
    "  leading & trailing <space> ",
    "",
    "_x0041_ \x01 control",
    1234.5,
    7,
    0,
    False,
    None,
    datetime.datetime(2026, 3, 10, 9, 30),
    datetime.date(2026, 3, 20),
    # what the encoder's fast tests send to the full escaping: the same cells
    "\ttab",
    "line\nbreak",
    "\u00a0no-break space",
    "trailing ",
    "_xAbc",
    datetime.datetime(1900, 1, 1, 12),
    datetime.date(1900, 3, 1),
    datetime.datetime(2026, 3, 10, 9, 30, 15, 250),
]


def _workbook(output, streamed=True):
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    if streamed:
        sheet = add_streamed_worksheet(workbook, "Rows")
    else:
        sheet = workbook.add_worksheet("Rows")
    formats = {
        datetime.datetime: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        datetime.date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        float: workbook.add_format({"num_format": "#,##0.00"}),
        str: None,
    }
    return workbook, sheet, formats


def _cells(output):
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    return [
        [(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()
    ]


class TestXlsxRows(BaseCase):
    """A row written as one piece of XML reads back as xlsxwriter's cell by cell."""

    def _classic(self, rows, streamed=False):
        """The cells of ``rows`` written by xlsxwriter's ``write_*`` methods, on
        its own worksheet (or on a ``StreamedWorksheet``)."""
        output = io.BytesIO()
        workbook, sheet, formats = _workbook(output, streamed)
        sheet.write_string(0, 0, "Header")
        for row, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                if value is None or value is False:
                    continue
                if isinstance(value, datetime.date):
                    sheet.write_datetime(row, col, value, formats[type(value)])
                elif isinstance(value, int | float):
                    sheet.write_number(row, col, value, formats[float])
                else:
                    sheet.write_string(row, col, value, formats[str])
        workbook.close()
        return _cells(output)

    def _streamed(self, rows):
        output = io.BytesIO()
        workbook, sheet, formats = _workbook(output)
        encoder = XlsxRowEncoder(formats)
        sheet.write_string(0, 0, "Header")
        last_col = len(rows[0]) - 1
        # one row alone, then the others at once, then one through xlsxwriter
        sheet.write_xml_row(1, encoder.encode(1, rows[0]), last_col)
        sheet.write_xml_rows(
            2,
            [
                encoder.encode(row, values)
                for row, values in enumerate(rows[1:], start=2)
            ],
            last_col,
        )
        sheet.write_string(len(rows) + 1, 0, "Footer")
        workbook.close()
        return _cells(output)

    def test_rows_read_back_as_xlsxwriter_writes_them(self):
        rows = [VALUES, list(reversed(VALUES)), VALUES]
        streamed = self._streamed(rows)
        self.assertEqual(streamed, self._classic([*rows, ["Footer"]]))
        self.assertEqual(streamed[1][0], ("Vận tải Biển Đông", "General"))
        self.assertEqual(streamed[1][4], (1234.5, "#,##0.00"))

    def test_values_it_does_not_know_are_left_to_xlsxwriter(self):
        encoder = XlsxRowEncoder({float: None, str: None})
        self.assertIsNone(encoder.encode(1, ["a", float("nan")]))
        self.assertIsNone(encoder.encode(1, [True]))
        self.assertEqual(
            "".join(encoder.encode(1, ["a", 1])),
            '<c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2"><v>1</v></c>',
        )

    def test_rows_of_one_shape_read_back_as_cells_of_any(self):
        """Rows of the same value types go through one template, the others cell
        by cell: a column's value changing type or needing escaping reads back the
        same."""
        plain = ["Khách hàng 1", "a|b", "", 12.5, 3, None, False]
        plain += [datetime.datetime(2026, 3, 10, 9, 30), datetime.date(2026, 3, 20)]
        rows = [plain, plain, list(plain), plain]
        rows[1] = ["trailing ", "| x", " lead", 1e300, 0, None, False, *plain[7:]]
        rows[2][1] = "a & b"
        rows.append([*plain[:5], "now a string", 7, *plain[7:]])
        self.assertEqual(self._streamed(rows), self._classic([*rows, ["Footer"]]))

    def test_serial_numbers_are_xlsxwriter_s_to_the_last_digit(self):
        encoder = XlsxRowEncoder({float: None, str: None})
        for value in (
            datetime.datetime(2026, 3, 10, 9, 30, 15, 123456),
            datetime.datetime(1999, 12, 31, 23, 59, 59, 999999),
            datetime.datetime(1900, 3, 1, 0, 0, 1),
            datetime.date(2026, 2, 28),
            datetime.date(1901, 1, 1),
        ):
            self.assertEqual(
                repr(encoder._serial(value)),
                repr(datetime_to_excel_datetime(value, False, False)),
            )

    def test_sheet_is_xlsxwriter_s_to_the_byte(self):
        """The streamed worksheet copies its rows' XML into the sheet as bytes:
        cells written through xlsxwriter's own methods give the same sheet, byte
        for byte, as on xlsxwriter's worksheet."""
        rows = [VALUES, list(reversed(VALUES))] * 3

        def sheet_xml(streamed):
            output = io.BytesIO()
            workbook, sheet, formats = _workbook(output, streamed)
            for row, values in enumerate(rows):
                for col, value in enumerate(values):
                    if isinstance(value, str):
                        sheet.write_string(row, col, value, formats[str])
                    elif isinstance(value, datetime.date):
                        sheet.write_datetime(row, col, value, formats[type(value)])
                    elif isinstance(value, int | float) and value is not False:
                        sheet.write_number(row, col, value, formats[float])
            workbook.close()
            with zipfile.ZipFile(output) as package:
                return package.read("xl/worksheets/sheet1.xml")

        streamed = sheet_xml(True)
        self.assertEqual(streamed, sheet_xml(False))
        self.assertIn("Vận tải Biển Đông".encode(), streamed)

    def test_column_sums(self):
        """Numbers summed column by column across rows of different value types;
        None where no row has a number."""
        sums = ColumnSums()
        self.assertEqual(sums.sums(2), [None, None])
        sums.add(["VND", 1.5, 2, None])
        sums.add(["VND", 2.25, 3, "x"])
        sums.add(["VND", None, 0.5, 4, False])
        self.assertEqual(sums.sums(6), [None, 3.75, 5.5, 4, None, None])
