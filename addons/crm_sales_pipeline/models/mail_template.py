from odoo import models

from .ir_actions_report import QUOTATION_REPORTS


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def _generate_template_attachments(
        self, res_ids, render_fields, render_results=None
    ):
        # a quotation PDF attached to an e-mail is part of that e-mail's sending,
        # however the composer was opened: never a print of its own
        return super(
            MailTemplate, self.with_context(crm_sales_pipeline_mail_attachment=True)
        )._generate_template_attachments(
            res_ids, render_fields, render_results=render_results
        )

    def _is_quotation_template(self):
        """The template sends the quotation itself: it attaches its PDF."""
        self.ensure_one()
        return self.model == "sale.order" and any(
            report.report_name in QUOTATION_REPORTS
            for report in self.report_template_ids
        )
