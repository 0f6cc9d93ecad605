from odoo import fields, models

FREIGHT_TAX_SCOPES = [
    ("international", "International Transport"),
    ("domestic", "Domestic Service"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    freight_tax_scope = fields.Selection(
        FREIGHT_TAX_SCOPES,
        help="Quotation lines of this service take the company's freight taxes for "
        "this scope (Sales settings) instead of the product's own customer taxes: "
        "in many countries international transport is zero-rated while services "
        "performed at home carry the standard rate.",
    )
