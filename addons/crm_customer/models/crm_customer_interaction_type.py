from odoo import fields, models


class CrmCustomerInteractionType(models.Model):
    _name = "crm.customer.interaction.type"
    _description = "Customer Interaction Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    icon = fields.Char(help="Font Awesome icon, e.g. fa-phone.")
    is_call = fields.Boolean(
        string="Phone Call",
        help="Interactions of this type are phone calls: they record the direction, "
        "the number, the duration and the call result.",
    )
