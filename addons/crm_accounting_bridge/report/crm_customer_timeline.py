from odoo import models
from odoo.tools import SQL

# Timeline ids are the source id * 100 + the source's rank; the customer file's
# sources take the low ranks, invoices the last one.
INVOICE_RANK = 99


class CrmCustomerTimeline(models.Model):
    _inherit = "crm.customer.timeline"

    def _timeline_query(self):
        query = super()._timeline_query()
        if self.env.context.get("crm_timeline_without_invoices"):
            return query
        return SQL("%s UNION ALL %s", query, self._timeline_invoice_query())

    def _timeline_invoice_query(self):
        """Posted customer invoices and credit notes, on the invoiced company."""
        return SQL(
            """
            SELECT src.id * 100 + %(rank)s AS id,
                   src.invoice_date::timestamp AS date,
                   src.commercial_partner_id AS partner_id,
                   src.invoice_user_id AS user_id,
                   src.company_id AS company_id,
                   model.id AS model_id,
                   src.name AS name,
                   model.model AS res_model,
                   src.id AS res_id
              FROM account_move src
              JOIN ir_model model ON model.model = 'account.move'
             WHERE src.state = 'posted'
               AND src.move_type IN ('out_invoice', 'out_refund')
            """,
            rank=INVOICE_RANK,
        )
