import datetime
import io

import pytz

from odoo import Command, api, models
from odoo.tools.misc import xlsxwriter

from ..tools import (
    ColumnSums,
    XlsxRowEncoder,
    add_streamed_worksheet,
    row_values_getter,
)

BATCH_SIZE = 1000
# rows written to the sheet at a time
ROWS_PER_WRITE = 1000


class CrmCustomerXlsxExport(models.AbstractModel):
    """A wizard that streams records to an xlsx file: the concrete wizard says which
    records (model and domain), which columns and what title; the download goes through
    the controller at ``/crm_customer/export/<wizard model>/<wizard id>``."""

    _name = "crm.customer.xlsx.export"
    _description = "Streamed Excel Export"

    @api.model
    def _selection_domain(self, model_name, default_domain):
        """The records chosen in ``model_name``'s list view, as a domain (repr), or
        ``default_domain`` when the wizard is opened from elsewhere."""
        context = self.env.context
        if context.get("active_model") != model_name or not context.get("active_ids"):
            return repr(default_domain)
        active_ids = context["active_ids"]
        # "Select all" sends at most web.active_ids_limit ids: beyond that, the list's
        # domain is the selection
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("web.active_ids_limit", default="20000")
        )
        if len(active_ids) >= limit and context.get("active_domain"):
            return repr(context["active_domain"])
        return repr([("id", "in", active_ids)])

    def _export_model(self):
        raise NotImplementedError

    def _export_domain(self):
        raise NotImplementedError

    def _export_columns(self):
        """(header, getter) pairs; a getter returns a str, a number, a date or a
        datetime (written as the user's local time) from an ``_export_records()``
        item, or is an ``int``: the position of the value in the item (a row of
        values, e.g. of a query)."""
        raise NotImplementedError

    def _export_title(self):
        raise NotImplementedError

    def _export_order(self):
        return "id"

    def _export_records(self):
        """What the sheet has one row for, in order; each column's getter reads one.
        By default the records of ``_export_model()`` matching ``_export_domain()``,
        read in batches with the ORM cache emptied after each batch, so memory stays
        flat whatever the number of records. An export whose rows are not records
        (aggregates, several rows per record) yields its own objects."""
        model = self.env[self._export_model()]
        record_ids = model.search(self._export_domain(), order=self._export_order()).ids
        for start in range(0, len(record_ids), BATCH_SIZE):
            yield from model.browse(record_ids[start : start + BATCH_SIZE])
            self.env.invalidate_all()

    def _export_bilingual(self, get_labels):
        """Labels as "local / English" (Vietnamese / English, Chinese / English...):
        ``get_labels(export)`` returns a list of labels in ``export``'s language; it
        is called as the user and again in English. A label the same in both
        languages (an English user, a currency code) is written once."""
        local = get_labels(self)
        english = get_labels(self.with_context(lang="en_US"))
        return [
            label if label == english_label else f"{label} / {english_label}"
            for label, english_label in zip(local, english, strict=True)
        ]

    def _export_number_format(self):
        """The xlsx number format of the numeric cells (e.g. "#,##0.00"); None:
        Excel's general format."""

    def _export_freeze_panes(self):
        """(row, column) of the first cell that scrolls, or None."""

    def _export_subtotal_key(self, record):
        """The group of ``record``'s subtotal row (e.g. its currency), or None for no
        subtotal. Subtotal rows sum the numeric cells of their group's rows; they are
        written in bold below the rows, after an empty row, in the keys' order."""

    def _export_subtotal_row(self, key, sums):
        """The cells of ``key``'s subtotal row; ``sums`` has one value per column: the
        sum of its numeric cells, None for the other columns."""
        return sums

    def action_export(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/crm_customer/export/{self._name}/{self.id}",
            "target": "download",
        }

    def _write_xlsx(self, output):
        """Write one row per ``_export_records()`` item to ``output``, then the subtotal
        rows: xlsxwriter's constant_memory mode flushes each row, so with a streamed
        iterator memory stays flat; each row is written as one piece of XML
        (``XlsxRowEncoder``), the cells xlsxwriter itself would write. Exports shape
        the sheet through the ``_export_*`` hooks, never by overriding this. Returns
        the number of rows, subtotals aside."""
        self.ensure_one()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "in_memory": False}
        )
        sheet = add_streamed_worksheet(workbook, self._export_title()[:31])
        formats = self._export_formats(workbook)
        columns = self._export_columns()
        for col, (header, _getter) in enumerate(columns):
            sheet.write_string(0, col, header, formats["header"])
        if freeze := self._export_freeze_panes():
            sheet.freeze_panes(*freeze)
        row_values = row_values_getter([getter for _header, getter in columns])
        local_time = self._local_time_converter()
        encoder = XlsxRowEncoder(formats["row"], local_time)
        last_col = len(columns) - 1
        subtotals = {}
        # rows encoded and not written yet: written ROWS_PER_WRITE at a time
        pending = []
        row = 0
        for record in self._export_records():
            row += 1
            values = row_values(record)
            shape = tuple(map(type, values))
            # the row's XML at once; a value the encoder does not know, cell by cell
            cells = encoder.encode(row, values, shape)
            if cells is not None:
                pending.append(cells)
                if len(pending) == ROWS_PER_WRITE:
                    sheet.write_xml_rows(row - ROWS_PER_WRITE + 1, pending, last_col)
                    pending = []
            else:
                if pending:
                    sheet.write_xml_rows(row - len(pending), pending, last_col)
                    pending = []
                for col, value in enumerate(values):
                    self._write_cell(sheet, row, col, value, formats["row"], local_time)
            key = self._export_subtotal_key(record)
            if key is not None:
                if (sums := subtotals.get(key)) is None:
                    sums = subtotals[key] = ColumnSums()
                sums.add(values, shape)
        if pending:
            sheet.write_xml_rows(row - len(pending) + 1, pending, last_col)
        record_rows = row
        if subtotals:
            row += 1
        for key in sorted(subtotals):
            row += 1
            values = self._export_subtotal_row(key, subtotals[key].sums(len(columns)))
            for col, value in enumerate(values):
                if value is not None:
                    self._write_cell(
                        sheet, row, col, value, formats["subtotal"], local_time
                    )
        workbook.close()
        return record_rows

    def _export_formats(self, workbook):
        """{"header": format, "row"|"subtotal": {value type: format}}."""
        number_format = self._export_number_format()
        formats = {"header": workbook.add_format({"bold": True})}
        for style, base in (("row", {}), ("subtotal", {"bold": True})):
            formats[style] = {
                datetime.datetime: workbook.add_format(
                    dict(base, num_format="yyyy-mm-dd hh:mm")
                ),
                datetime.date: workbook.add_format(dict(base, num_format="yyyy-mm-dd")),
                float: (
                    workbook.add_format(dict(base, num_format=number_format))
                    if number_format
                    else (base and workbook.add_format(base)) or None
                ),
                str: (base and workbook.add_format(base)) or None,
            }
        return formats

    @api.model
    def _mail_xlsx(self, users, export_values, prepare_mail):
        """Email ``users`` this export as an xlsx attachment, each in their own
        language: per language, one export created with ``export_values`` in that
        language, one attachment and one mail to the users who read it.
        ``prepare_mail(export)`` returns ``(file name, mail.mail values)`` written
        in the export's language (its ``env``); the attachment goes to the mail's
        document (``model``/``res_id``) when it has one. Returns the mails."""
        mails = self.env["mail.mail"]
        for lang, recipients in users.grouped(
            lambda user: user.lang or "en_US"
        ).items():
            export = self.with_context(lang=lang).create(export_values)
            output = io.BytesIO()
            export._write_xlsx(output)
            file_name, mail_values = prepare_mail(export)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": file_name,
                    "raw": output.getvalue(),
                    "res_model": mail_values.get("model"),
                    "res_id": mail_values.get("res_id"),
                    "mimetype": "application/vnd.openxmlformats-officedocument"
                    ".spreadsheetml.sheet",
                }
            )
            mails |= mails.create(
                {
                    **mail_values,
                    "recipient_ids": [Command.set(recipients.partner_id.ids)],
                    "attachment_ids": [Command.set(attachment.ids)],
                }
            )
        return mails

    def _local_time_converter(self):
        """A function giving a UTC datetime as the user's local (naive) time, like
        ``fields.Datetime.context_timestamp``, the time zone looked up once; None
        when the rows' datetimes are local already."""
        tz = self._export_time_zone()
        return lambda value: (
            pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
        )

    def _export_time_zone(self):
        """The user's time zone (pytz), UTC when unknown."""
        tz_name = self.env.context.get("tz") or self.env.user.tz
        try:
            return pytz.timezone(tz_name) if tz_name else pytz.utc
        except pytz.UnknownTimeZoneError:
            return pytz.utc

    def _write_cell(self, sheet, row, col, value, formats, local_time):
        if isinstance(value, datetime.datetime):
            if local_time:
                value = local_time(value)
            sheet.write_datetime(row, col, value, formats[datetime.datetime])
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, col, value, formats[datetime.date])
        elif isinstance(value, bool):
            # False is how the ORM says "empty"
            sheet.write_blank(row, col, None)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, formats[float])
        else:
            sheet.write_string(row, col, value or "", formats[str])

    def _field_column(self, model, field_name):
        """(header, getter) for a field shown as the user sees it: selection labels,
        related records' names."""
        field = model._fields[field_name]
        header = field._description_string(self.env)
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return header, lambda record: labels.get(record[field_name], "")
        if field.type == "boolean":
            yes = self.env._("Yes")
            return header, lambda record: yes if record[field_name] else ""
        if field.type in ("many2one", "many2many", "one2many"):
            return header, lambda record: ", ".join(
                record[field_name].mapped("display_name")
            )
        return header, lambda record: record[field_name]


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)
