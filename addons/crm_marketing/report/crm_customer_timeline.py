from math import isqrt

from odoo import api, models
from odoo.tools import SQL


def _cantor_first(key):
    """The first number of the pair whose Cantor pairing is ``key``."""
    total = (isqrt(8 * key + 1) - 1) // 2
    second = key - total * (total + 1) // 2
    return total - second


class CrmCustomerTimeline(models.Model):
    _inherit = "crm.customer.timeline"
    _depends = {
        "crm.market.intelligence": [
            "partner_ids",
            "classification_ids",
            "company_id",
            "user_id",
            "name",
            "date",
            "state",
            "active",
        ],
        "res.partner": ["classification_ids"],
        "crm.customer.classification": ["parent_path"],
    }

    @api.model
    def _timeline_sources(self):
        """Market information shared with sales, on the timeline of every customer
        it concerns (named on it, or classified under one of its values)."""
        return [
            *super()._timeline_sources(),
            {
                "model": "crm.market.intelligence",
                "date": SQL("src.date"),
                "name": SQL("src.name"),
                "user": SQL("src.user_id"),
                "partner": SQL("pair.partner_id"),
                "join": SQL(
                    "JOIN (%s) pair ON pair.intelligence_id = src.id",
                    self.env["crm.market.intelligence"]._concerned_partner_query(),
                ),
                # one row per record and customer: the Cantor pairing of the two ids
                "key": SQL(
                    "((src.id + pair.partner_id)::bigint"
                    " * (src.id + pair.partner_id + 1) / 2 + pair.partner_id)"
                ),
                "res_id": _cantor_first,
                "where": SQL("src.state = 'shared' AND src.active"),
            },
        ]
