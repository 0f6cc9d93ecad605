from odoo import fields, models


class CrmServiceDefectType(models.Model):
    _name = "crm.service.defect.type"
    _description = "Product Defect Type"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A defect type with this name already exists."),
    ]
