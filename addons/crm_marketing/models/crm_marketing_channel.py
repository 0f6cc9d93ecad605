from odoo import fields, models


class CrmMarketingChannel(models.Model):
    _name = "crm.marketing.channel"
    _description = "Marketing Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    medium_id = fields.Many2one(
        "utm.medium",
        help="The tracking medium that leads coming through this channel carry.",
    )
    color = fields.Integer()

    _sql_constraints = [
        ("name_unique", "UNIQUE(name)", "A channel with this name already exists."),
    ]
