import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from odoo.addons.crm_customer.tools import fold_search_text, fold_search_value

UNLOCODE_PATTERN = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
IATA_PATTERN = re.compile(r"^[A-Z]{3}$")


class FreightLocation(models.Model):
    _name = "freight.location"
    _description = "Freight Location"
    _order = "country_id, name"
    _rec_names_search = ["name", "code", "iata_code", "country_id"]
    _parent_store = True

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
            ("port_group", "Port Group (Metro Area)"),
        ],
        required=True,
        default="seaport",
        help="A port group gathers the ports, terminals and depots of one metro area "
        "(Ho Chi Minh City: Cát Lái, Cái Mép, Hiệp Phước, the ICDs): a rate search "
        "from it finds the rates of each of them.",
    )
    active = fields.Boolean(default=True)
    # Names people say
    aliases = fields.Char(
        help="Other names people use for this place, separated by commas, e.g. "
        "HCM, Saigon, Sài Gòn, TP.HCM. Found by name search, with or without "
        "diacritics.",
    )
    search_text = fields.Char(
        compute="_compute_search_text",
        store=True,
        index="trigram",
        help="Name in every language, aliases, codes and port group, without "
        "diacritics: what a name search compares with what is typed.",
    )
    # Port group (metro area)
    parent_id = fields.Many2one(
        "freight.location",
        string="Port Group",
        index=True,
        ondelete="restrict",
        domain="[('kind', '=', 'port_group'), ('country_id', '=', country_id)]",
        help="The metro area this port, terminal or depot belongs to: its "
        "neighbours there are offered when it has no rate of its own.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("freight.location", "parent_id", string="Members")

    _sql_constraints = [
        ("code_unique", "UNIQUE (code)", "This UN/LOCODE is already used."),
        (
            "iata_code_unique",
            "UNIQUE (iata_code)",
            "This IATA code is already used.",
        ),
        (
            "code_required",
            (
                "CHECK (code IS NOT NULL OR iata_code IS NOT NULL "
                "OR kind = 'port_group' OR parent_id IS NOT NULL)"
            ),
            (
                "A location needs a UN/LOCODE or an IATA code, unless it is a port "
                "group or a terminal of one."
            ),
        ),
    ]

    @api.depends("name", "code", "iata_code", "kind")
    def _compute_display_name(self):
        for location in self:
            code = location.code or location.iata_code
            if location.kind == "port_group":
                location.display_name = self.env._(
                    "%(name)s (all ports)", name=location.name
                )
            else:
                location.display_name = (
                    f"{code} - {location.name}" if code else location.name
                )

    @api.depends("name", "aliases", "code", "iata_code", "parent_id.name")
    def _compute_search_text(self):
        languages = [code for code, _name in self.env["res.lang"].get_installed()]
        for location in self:
            names = {
                location.with_context(lang=language).name for language in languages
            }
            location.search_text = fold_search_text(
                location.code,
                location.iata_code,
                *sorted(name for name in names if name),
                location.aliases,
                location.parent_id.name,
            )

    @api.model
    def _search_display_name(self, operator, value):
        """Also match what is typed without diacritics, an alias or the port
        group's name: "sai gon", "hcm" and "cat lai" all find Cát Lái."""
        domain = super()._search_display_name(operator, value)
        folded = fold_search_value(operator, value)
        if not folded:
            return domain
        return expression.OR([domain, [("search_text", operator, folded)]])

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

    @api.constrains("parent_id", "kind", "country_id")
    def _check_port_group(self):
        for location in self.filtered("parent_id"):
            group = location.parent_id
            if location.kind == "port_group" or group.kind != "port_group":
                raise ValidationError(
                    self.env._(
                        "%(location)s cannot belong to %(group)s: a port, terminal "
                        "or depot belongs to a port group, and port groups to none.",
                        location=location.name,
                        group=group.name,
                    )
                )
            if group.country_id != location.country_id:
                raise ValidationError(
                    self.env._(
                        "%(location)s is in %(country)s: it cannot belong to the "
                        "port group %(group)s of %(group_country)s.",
                        location=location.name,
                        country=location.country_id.name,
                        group=group.name,
                        group_country=group.country_id.name,
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

    def _get_lane_ports(self):
        """(ports, neighbours) a rate search from this location looks at: a port
        group's members (with the group itself); a port itself, and the other
        members of its group as neighbours. One query, whatever the size."""
        self.ensure_one()
        if self.kind == "port_group":
            return self.search([("id", "child_of", self.id)]), self.browse()
        if not self.parent_id:
            return self, self.browse()
        members = self.search([("id", "child_of", self.parent_id.id)])
        return self, members - self
