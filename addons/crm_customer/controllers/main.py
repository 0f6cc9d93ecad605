import tempfile

import psycopg2.errors

from odoo import http
from odoo.http import content_disposition, request


class CrmCustomerExportController(http.Controller):
    # readonly: the download only reads (the wizard was saved by an earlier request), so
    # with a read replica configured (db_replica_host) the export runs there, off the
    # primary; a write on the way would make Odoo run it again on the primary
    @http.route(
        "/crm_customer/export/<string:model>/<int:wizard_id>",
        type="http",
        auth="user",
        readonly=True,
    )
    def export_xlsx(self, model, wizard_id):
        if model not in request.env or not isinstance(
            request.env[model], request.env.registry["crm.customer.xlsx.export"]
        ):
            return request.not_found()
        # the wizards' owner rule leaves another user's export out of the search: it
        # is not found, rather than forbidden, so its existence is not told either
        wizard = request.env[model].search([("id", "=", wizard_id)])
        if not wizard and request.env.cr.readonly:
            # the replica may lag behind the primary by the wizard just saved: Odoo
            # runs the request again on a read/write cursor, the primary's
            raise psycopg2.errors.ReadOnlySqlTransaction(
                f"export {model} {wizard_id} not found on the read-only cursor"
            )
        if not wizard:
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
