from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    care_action_ids = fields.One2many(
        "crm.service.care.action", "partner_id", string="Customer Care"
    )
