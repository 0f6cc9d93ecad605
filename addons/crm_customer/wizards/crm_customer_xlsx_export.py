import datetime

from odoo import api, fields, models
from odoo.tools.misc import xlsxwriter

BATCH_SIZE = 1000


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
        datetime (written as the user's local time)."""
        raise NotImplementedError

    def _export_title(self):
        raise NotImplementedError

    def _export_order(self):
        return "id"

    def action_export(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/crm_customer/export/{self._name}/{self.id}",
            "target": "download",
        }

    def _write_xlsx(self, output):
        """Write the records to ``output`` in batches: xlsxwriter's constant_memory
        mode flushes each row, and the ORM cache is emptied after each batch, so memory
        stays flat whatever the number of records. Returns the number of rows."""
        self.ensure_one()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "in_memory": False}
        )
        sheet = workbook.add_worksheet(self._export_title()[:31])
        formats = {
            "header": workbook.add_format({"bold": True}),
            datetime.datetime: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            datetime.date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        columns = self._export_columns()
        for col, (header, _getter) in enumerate(columns):
            sheet.write_string(0, col, header, formats["header"])
        model = self.env[self._export_model()]
        record_ids = model.search(self._export_domain(), order=self._export_order()).ids
        row = 0
        for start in range(0, len(record_ids), BATCH_SIZE):
            for record in model.browse(record_ids[start : start + BATCH_SIZE]):
                row += 1
                for col, (_header, getter) in enumerate(columns):
                    self._write_cell(sheet, row, col, getter(record), formats)
            self.env.invalidate_all()
        workbook.close()
        return row

    def _write_cell(self, sheet, row, col, value, formats):
        if isinstance(value, datetime.datetime):
            local = fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)
            sheet.write_datetime(row, col, local, formats[datetime.datetime])
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, col, value, formats[datetime.date])
        elif isinstance(value, bool):
            # False is how the ORM says "empty"
            sheet.write_blank(row, col, None)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value)
        else:
            sheet.write_string(row, col, value or "")

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
