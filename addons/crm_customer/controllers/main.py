import tempfile

from odoo import http
from odoo.http import content_disposition, request


class CrmCustomerExportController(http.Controller):
    @http.route(
        "/crm_customer/export/<string:model>/<int:wizard_id>", type="http", auth="user"
    )
    def export_xlsx(self, model, wizard_id):
        if model not in request.env or not isinstance(
            request.env[model], request.env.registry["crm.customer.xlsx.export"]
        ):
            return request.not_found()
        wizard = request.env[model].browse(wizard_id).exists()
        # transient records carry no per-user rule: a wizard is its creator's only
        if not wizard or wizard.create_uid != request.env.user:
            return request.not_found()
        # on disk: a large export never sits whole in the worker's memory; the file is
        # closed by _iter_file once the response has been sent
        output = tempfile.TemporaryFile()  # noqa: SIM115
        wizard._write_xlsx(output)
        output.seek(0)
        return request.make_response(
            _iter_file(output),
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                (
                    "Content-Disposition",
                    content_disposition(f"{wizard._export_title()}.xlsx"),
                ),
            ],
        )


def _iter_file(file, chunk_size=1 << 16):
    with file:
        while chunk := file.read(chunk_size):
            yield chunk
