from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_credit_control = fields.Selection(
        related="company_id.crm_credit_control", readonly=False
    )
