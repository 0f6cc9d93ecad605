from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    quotation_expiry_reminder_days = fields.Integer(
        related="company_id.quotation_expiry_reminder_days", readonly=False
    )
    contract_expiry_reminder_days = fields.Integer(
        related="company_id.contract_expiry_reminder_days", readonly=False
    )
    winback_days = fields.Integer(related="company_id.winback_days", readonly=False)
    neglected_customer_days = fields.Integer(
        related="company_id.neglected_customer_days", readonly=False
    )
