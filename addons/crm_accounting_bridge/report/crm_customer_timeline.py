from odoo import api, models
from odoo.tools import SQL
from odoo.tools.sql import create_index


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

    def init(self):
        res = super().init()
        # one customer's timeline looks its account moves up by customer (Odoo
        # does not index that column)
        create_index(
            self.env.cr,
            "crm_accounting_bridge_account_move_commercial_partner_id_index",
            "account_move",
            ["commercial_partner_id"],
        )
        return res
