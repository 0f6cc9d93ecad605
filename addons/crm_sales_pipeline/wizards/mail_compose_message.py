from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail_comment(self, res_ids):
        # the quotation template chosen in the chatter's composer sends the
        # quotation as "Send by Email" does: one e-mail sending to log
        composer = self
        if (
            self.model == "sale.order"
            and self.template_id
            and self.template_id._is_quotation_template()
        ):
            composer = self.with_context(crm_sales_pipeline_quotation_email=True)
        return super(MailComposeMessage, composer)._action_send_mail_comment(res_ids)
