from odoo import api, models
from odoo.tools import SQL


class CrmCustomerTimeline(models.Model):
    _inherit = "crm.customer.timeline"
    _depends = {
        "crm.contract": [
            "partner_id",
            "company_id",
            "user_id",
            "name",
            "date_start",
        ],
        "crm.lead": ["partner_id", "company_id", "user_id", "name", "create_date"],
        "sale.order": [
            "partner_id",
            "company_id",
            "user_id",
            "name",
            "date_order",
            "active",
        ],
    }

    @api.model
    def _timeline_sources(self):
        return [
            *super()._timeline_sources(),
            {
                "model": "crm.lead",
                "date": SQL("src.create_date"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
            {
                # the current revision of each quotation, and confirmed orders
                "model": "sale.order",
                "date": SQL("src.date_order"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
                "where": SQL("src.active"),
            },
            {
                "model": "crm.contract",
                "date": SQL("src.date_start"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
            },
        ]
