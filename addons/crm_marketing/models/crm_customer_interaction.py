from odoo import fields, models


class CrmCustomerInteraction(models.Model):
    """A campaign's call or visit in the salesperson's interaction log."""

    _inherit = "crm.customer.interaction"

    campaign_id = fields.Many2one(
        "utm.campaign",
        index="btree_not_null",
        check_company=True,
        ondelete="set null",
        tracking=True,
        help="The campaign this call or visit is made for: its leads carry it too.",
    )

    def action_new_opportunity(self):
        """An opportunity for the interaction's customer that carries its campaign:
        what a campaign call or visit brought is counted in the campaign's results."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Opportunity"),
            "res_model": "crm.lead",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_type": "opportunity",
                "default_name": self.name,
                "default_partner_id": self.partner_id.id,
                "default_user_id": self.user_id.id,
                "default_campaign_id": self.campaign_id.id,
                "default_company_id": self.company_id.id,
            },
        }
