from odoo import api, models
from odoo.tools import SQL


class CrmCustomerTimeline(models.Model):
    _inherit = "crm.customer.timeline"
    _depends = {
        "account.move": [
            "commercial_partner_id",
            "company_id",
            "invoice_user_id",
            "name",
            "invoice_date",
            "state",
            "move_type",
        ],
    }

    @api.model
    def _timeline_sources(self):
        """Posted customer invoices and credit notes, on the invoiced company."""
        return [
            *super()._timeline_sources(),
            {
                "model": "account.move",
                "date": SQL("src.invoice_date"),
                "name": SQL("src.name"),
                "user": SQL("src.invoice_user_id"),
                "partner": SQL("src.commercial_partner_id"),
                "where": SQL(
                    "src.state = 'posted' "
                    "AND src.move_type IN ('out_invoice', 'out_refund')"
                ),
            },
        ]
