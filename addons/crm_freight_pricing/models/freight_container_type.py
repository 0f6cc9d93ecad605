from odoo import fields, models


class FreightContainerType(models.Model):
    _name = "freight.container.type"
    _description = "Container Type"
    _order = "sequence, name"

    name = fields.Char(
        string="Trade Name", required=True, help="As sales say it: 20GP, 40HC, 20RF..."
    )
    iso_code = fields.Char(
        string="ISO 6346 Code", required=True, size=4, help="Size/type code, e.g. 45G1."
    )
    category = fields.Selection(
        [
            ("dry", "General Purpose"),
            ("high_cube", "High Cube"),
            ("reefer", "Reefer"),
            ("open_top", "Open Top"),
            ("flat_rack", "Flat Rack"),
            ("tank", "Tank"),
        ],
        required=True,
        default="dry",
    )
    teu = fields.Float(
        string="TEU",
        default=1.0,
        help="Twenty-foot equivalent units: 1 for 20', 2 for 40'.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE (name)", "This container type already exists."),
        ("iso_code_unique", "UNIQUE (iso_code)", "This ISO 6346 code is already used."),
        ("teu_positive", "CHECK (teu > 0)", "TEU must be positive."),
    ]
