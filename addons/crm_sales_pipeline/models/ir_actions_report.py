from odoo import models

QUOTATION_REPORTS = ("sale.report_saleorder", "sale.report_saleorder_pro_forma")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        # an internal user printing; the PDF attached to a quotation e-mail is
        # logged as the e-mail, and a customer downloading it sends nothing
        if (
            report.report_name in QUOTATION_REPORTS
            and res_ids
            and not self.env.user.share
            and not self.env.context.get("mark_so_as_sent")
            and not self.env.context.get("crm_sales_pipeline_mail_attachment")
        ):
            orders = self.env["sale.order"].browse(res_ids)
            orders.filtered(lambda o: o.state in ("draft", "sent"))._log_sending(
                "print"
            )
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
