from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    marketing_audience_limit = fields.Integer(
        related="company_id.marketing_audience_limit", readonly=False
    )
