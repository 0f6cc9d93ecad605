from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_rate_expiry_reminder_days = fields.Integer(
        related="company_id.freight_rate_expiry_reminder_days", readonly=False
    )
    freight_sell_rounding = fields.Float(
        related="company_id.freight_sell_rounding", readonly=False
    )
    freight_sell_rounding_weight = fields.Float(
        related="company_id.freight_sell_rounding_weight", readonly=False
    )
    freight_min_margin_sea_fcl = fields.Float(
        related="company_id.freight_min_margin_sea_fcl", readonly=False
    )
    freight_min_margin_sea_lcl = fields.Float(
        related="company_id.freight_min_margin_sea_lcl", readonly=False
    )
    freight_min_margin_air = fields.Float(
        related="company_id.freight_min_margin_air", readonly=False
    )
    freight_min_margin_truck = fields.Float(
        related="company_id.freight_min_margin_truck", readonly=False
    )
    inquiry_target_hours_sea_fcl = fields.Float(
        related="company_id.inquiry_target_hours_sea_fcl", readonly=False
    )
    inquiry_target_hours_sea_lcl = fields.Float(
        related="company_id.inquiry_target_hours_sea_lcl", readonly=False
    )
    inquiry_target_hours_air = fields.Float(
        related="company_id.inquiry_target_hours_air", readonly=False
    )
    inquiry_target_hours_truck = fields.Float(
        related="company_id.inquiry_target_hours_truck", readonly=False
    )
    freight_international_tax_ids = fields.Many2many(
        related="company_id.freight_international_tax_ids", readonly=False
    )
    freight_domestic_tax_ids = fields.Many2many(
        related="company_id.freight_domestic_tax_ids", readonly=False
    )
