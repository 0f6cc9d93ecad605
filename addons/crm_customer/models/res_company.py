from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_birthday_reminder_days = fields.Integer(
        string="Birthday Reminder Days",
        default=7,
        help="How many days before a contact's birthday the salesperson is reminded.",
    )
    crm_share_interactions = fields.Boolean(
        string="Salespeople See Each Other's Interactions",
        help="When off, salespeople with 'own documents only' see only their own "
        "interactions and those on their customers.",
    )

    crm_customer_properties_definition = fields.PropertiesDefinition(
        string="Customer Free Fields",
    )

    @api.constrains("crm_birthday_reminder_days")
    def _check_crm_birthday_reminder_days(self):
        for company in self:
            if not 0 <= company.crm_birthday_reminder_days <= 60:
                raise ValidationError(
                    self.env._("Birthday reminders can be sent 0 to 60 days ahead.")
                )

    def write(self, vals):
        result = super().write(vals)
        if "crm_share_interactions" in vals:
            # record rules read this flag, and their domains are cached per user
            self.env.registry.clear_cache()
        return result
