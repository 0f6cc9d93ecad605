from odoo import api, models
from odoo.tools import SQL
from odoo.tools.sql import create_index


class CrmCustomerTimeline(models.Model):
    _inherit = "crm.customer.timeline"
    _depends = {
        "helpdesk.ticket": [
            "commercial_partner_id",
            "company_id",
            "user_id",
            "number",
            "name",
            "opened_date",
        ],
    }

    @api.model
    def _timeline_sources(self):
        return [
            *super()._timeline_sources(),
            {
                # cases are filed by a contact: the timeline is the customer's
                "model": "helpdesk.ticket",
                "date": SQL("COALESCE(src.opened_date, src.create_date)"),
                "name": SQL("concat_ws(' - ', src.number, src.name)"),
                "user": SQL("src.user_id"),
                "partner": SQL("src.commercial_partner_id"),
            },
        ]

    def init(self):
        res = super().init()
        # one customer's timeline looks its tickets up by customer (helpdesk_mgmt does
        # not index that column)
        create_index(
            self.env.cr,
            "crm_service_helpdesk_ticket_commercial_partner_id_index",
            "helpdesk_ticket",
            ["commercial_partner_id"],
        )
        return res
