from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    warranty_months = fields.Integer(
        string="Warranty (Months)",
        help="How long the product is under warranty after its delivery to the "
        "customer; 0 for no warranty.",
    )
