from odoo import models


class CrmCustomerInteraction(models.Model):
    _inherit = "crm.customer.interaction"

    def action_new_opportunity(self):
        action = super().action_new_opportunity()
        if self.campaign_id:
            defaults = self.campaign_id._get_opportunity_defaults()
            action["context"].update(
                {key: value for key, value in defaults.items() if value}
            )
        return action
