import tempfile

from odoo import http
from odoo.http import content_disposition, request


class CrmCustomerExportController(http.Controller):
    @http.route("/crm_customer/export/<int:wizard_id>", type="http", auth="user")
    def export_customers(self, wizard_id):
        wizard = request.env["crm.customer.export.wizard"].browse(wizard_id).exists()
        if not wizard:
            return request.not_found()
        # on disk: a large export never sits whole in the worker's memory; the file is
        # closed by _iter_file once the response has been sent
        output = tempfile.TemporaryFile()  # noqa: SIM115
        wizard._write_xlsx(output)
        output.seek(0)
        filename = f"{request.env._('Customers')}.xlsx"
        return request.make_response(
            _iter_file(output),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )


def _iter_file(file, chunk_size=1 << 16):
    with file:
        while chunk := file.read(chunk_size):
            yield chunk
