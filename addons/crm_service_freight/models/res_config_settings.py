from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    claim_notice_days = fields.Integer(
        related="company_id.claim_notice_days", readonly=False
    )
    claim_time_bar_months = fields.Integer(
        related="company_id.claim_time_bar_months", readonly=False
    )
    claim_reminder_days = fields.Integer(
        related="company_id.claim_reminder_days", readonly=False
    )
    claim_liability_per_kg = fields.Float(
        related="company_id.claim_liability_per_kg", readonly=False
    )
    claim_liability_currency_id = fields.Many2one(
        related="company_id.claim_liability_currency_id", readonly=False
    )
