import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

UNLOCODE_PATTERN = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
IATA_PATTERN = re.compile(r"^[A-Z]{3}$")


class FreightLocation(models.Model):
    _name = "freight.location"
    _description = "Freight Location"
    _order = "country_id, name"
    _rec_names_search = ["name", "code", "iata_code"]

    name = fields.Char(required=True, translate=True, index="trigram")
    code = fields.Char(
        string="UN/LOCODE",
        size=5,
        index="btree_not_null",
        help="Five characters: the ISO 3166 country code, then three letters or digits "
        "2-9, e.g. VNSGN, CNSHA.",
    )
    iata_code = fields.Char(
        string="IATA Code",
        size=3,
        index="btree_not_null",
        help="Three-letter IATA code of the airport, e.g. SGN, HAN, PVG.",
    )
    country_id = fields.Many2one("res.country", required=True, index=True)
    kind = fields.Selection(
        [
            ("seaport", "Seaport"),
            ("airport", "Airport"),
            ("inland_depot", "Inland Depot (ICD)"),
            ("city", "City"),
            ("border", "Border Crossing"),
        ],
        required=True,
        default="seaport",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE (code)", "This UN/LOCODE is already used."),
        (
            "iata_code_unique",
            "UNIQUE (iata_code)",
            "This IATA code is already used.",
        ),
        (
            "code_required",
            "CHECK (code IS NOT NULL OR iata_code IS NOT NULL)",
            "A location needs a UN/LOCODE or an IATA code.",
        ),
    ]

    @api.depends("name", "code", "iata_code")
    def _compute_display_name(self):
        for location in self:
            code = location.code or location.iata_code
            location.display_name = (
                f"{code} - {location.name}" if code else location.name
            )

    @api.constrains("code", "country_id")
    def _check_code(self):
        for location in self.filtered("code"):
            if not UNLOCODE_PATTERN.match(location.code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a UN/LOCODE: five capitals, the country code "
                        "then three letters or digits 2-9 (e.g. VNSGN).",
                        code=location.code,
                    )
                )
            if location.code[:2] != location.country_id.code:
                raise ValidationError(
                    self.env._(
                        "UN/LOCODE %(code)s does not start with the code of "
                        "%(country)s (%(country_code)s).",
                        code=location.code,
                        country=location.country_id.name,
                        country_code=location.country_id.code,
                    )
                )

    @api.constrains("iata_code")
    def _check_iata_code(self):
        for location in self.filtered("iata_code"):
            if not IATA_PATTERN.match(location.iata_code):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not an IATA airport code: three capital letters.",
                        code=location.iata_code,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_codes(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_codes(vals))

    @api.model
    def _normalize_codes(self, vals):
        for key in ("code", "iata_code"):
            if vals.get(key):
                vals = dict(vals, **{key: vals[key].strip().upper()})
        return vals
