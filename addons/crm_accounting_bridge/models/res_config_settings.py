from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_credit_control = fields.Selection(
        related="company_id.crm_credit_control", readonly=False
    )
    receivable_reminder_days = fields.Integer(
        related="company_id.receivable_reminder_days", readonly=False
    )
    receivable_overdue_notice = fields.Boolean(
        related="company_id.receivable_overdue_notice", readonly=False
    )
    collection_escalation_days = fields.Integer(
        related="company_id.collection_escalation_days", readonly=False
    )
    aging_bucket_limits = fields.Char(
        related="company_id.aging_bucket_limits", readonly=False
    )
    aging_report_user_ids = fields.Many2many(
        related="company_id.aging_report_user_ids", readonly=False
    )
