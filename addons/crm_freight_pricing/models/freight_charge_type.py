from odoo import fields, models

CHARGE_BASIS = [
    ("container", "Per Container"),
    ("shipment", "Per Shipment (B/L, AWB)"),
    ("kg", "Per Kg"),
    ("wm", "Per W/M"),
    ("trip", "Per Trip"),
    ("percent", "Percentage of Freight"),
]


class FreightChargeType(models.Model):
    _name = "freight.charge.type"
    _description = "Freight Charge Type"
    _order = "sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(
        required=True, help="Short code the carriers use: OF, BAF, THC, FSC..."
    )
    name = fields.Char(required=True, translate=True)
    basis = fields.Selection(CHARGE_BASIS, required=True, default="shipment")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        domain=[("type", "=", "service")],
        help="The service product quotation lines of this charge use.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE (code)", "This charge code already exists."),
    ]

    def _compute_display_name(self):
        for charge in self:
            charge.display_name = f"{charge.code} - {charge.name}"
