from odoo import models


class FreightRateSearch(models.TransientModel):
    _inherit = "freight.rate.search"

    def _prepare_option(self, rate, charges, markup=None):
        values = super()._prepare_option(rate, charges, markup)
        if markup and markup.campaign_id:
            values["promotion_campaign_id"] = markup.campaign_id.id
        return values
