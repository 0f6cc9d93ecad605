from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmServicePartsWizardLine(models.TransientModel):
    _name = "crm.service.parts.wizard.line"
    _description = "Part to Ship or Return"

    wizard_id = fields.Many2one(
        "crm.service.parts.wizard", required=True, ondelete="cascade"
    )
    product_id = fields.Many2one(
        "product.product",
        string="Part",
        required=True,
        domain="[('type', '=', 'consu')]",
    )
    quantity = fields.Float(digits="Product Unit of Measure", default=1.0)
    product_uom_id = fields.Many2one(related="product_id.uom_id")

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self.filtered(lambda l: l.quantity <= 0):
            raise ValidationError(
                self.env._(
                    "The quantity of %(part)s must be more than zero.",
                    part=line.product_id.display_name,
                )
            )
