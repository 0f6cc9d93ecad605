from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_birthday_reminder_days = fields.Integer(
        related="company_id.crm_birthday_reminder_days", readonly=False
    )
    crm_share_interactions = fields.Boolean(
        related="company_id.crm_share_interactions", readonly=False
    )
