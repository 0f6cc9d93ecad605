import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.freight_location import IATA_PATTERN, UNLOCODE_PATTERN

BATCH_SIZE = 1000
# UN/LOCODE "Function": a character per function at its own position
FUNCTION_KINDS = [(0, "1", "seaport"), (3, "4", "airport"), (5, "6", "inland_depot")]
FUNCTION_KINDS.append((7, "B", "border"))
# Change indicators of entries to leave out: "X" marked for deletion, "=" reference
# entries (former or alternative names pointing at another entry)
SKIPPED_CHANGES = {"X", "="}


class FreightLocationImport(models.TransientModel):
    """Ports, airports, inland depots and border crossings from UNECE's UN/LOCODE
    code list (the CodeListPart1.csv, CodeListPart2.csv... files, without header):
    Change, Country, Location, Name, NameWoDiacritics, Subdivision, Status, Function,
    Date, IATA, Coordinates, Remarks."""

    _name = "freight.location.import"
    _description = "Import UN/LOCODE Locations"

    file = fields.Binary(string="UN/LOCODE File", attachment=False)
    filename = fields.Char()
    country_ids = fields.Many2many(
        "res.country",
        string="Countries",
        help="Import only the locations of these countries; all when empty.",
    )
    update_names = fields.Boolean(
        help="Rename the locations whose UN/LOCODE already exists; otherwise they "
        "are left as they are.",
    )

    def action_import(self):
        self.ensure_one()
        counts = self._import_locations()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("UN/LOCODE import"),
                "message": self.env._(
                    "%(created)s locations created, %(updated)s renamed, %(skipped)s "
                    "lines skipped (existing, not a port, airport, inland depot or "
                    "border crossing, or filtered out).",
                    **counts,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _import_locations(self):
        """Create the missing locations in batches, rename existing ones if asked;
        returns the counts of created, updated and skipped lines."""
        if not self.file:
            raise UserError(self.env._("Choose a UN/LOCODE file (CSV) first."))
        entries, skipped = self._read_entries()
        Location = self.env["freight.location"].with_context(active_test=False)
        existing = {}
        iata_codes = set()
        codes = list(entries)
        for start in range(0, len(codes), BATCH_SIZE):
            batch = codes[start : start + BATCH_SIZE]
            for location in Location.search_fetch(
                [("code", "in", batch)], ["code", "name"]
            ):
                existing[location.code] = location
        iatas = [entry["iata_code"] for entry in entries.values() if entry["iata_code"]]
        for start in range(0, len(iatas), BATCH_SIZE):
            iata_codes.update(
                Location.search_fetch(
                    [("iata_code", "in", iatas[start : start + BATCH_SIZE])],
                    ["iata_code"],
                ).mapped("iata_code")
            )
        vals_list = []
        updated = 0
        for code, entry in entries.items():
            location = existing.get(code)
            if location:
                if self.update_names and location.name != entry["name"]:
                    location.name = entry["name"]
                    updated += 1
                else:
                    skipped += 1
                continue
            if entry["iata_code"] in iata_codes:
                # the airport is already known by its IATA code alone
                entry["iata_code"] = False
            elif entry["iata_code"]:
                iata_codes.add(entry["iata_code"])
            vals_list.append(entry)
        for start in range(0, len(vals_list), BATCH_SIZE):
            Location.create(vals_list[start : start + BATCH_SIZE])
        return {"created": len(vals_list), "updated": updated, "skipped": skipped}

    def _read_entries(self):
        """The file's useful entries as location values by UN/LOCODE, and the number
        of lines left out."""
        content = base64.b64decode(self.file)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("latin-1")
        countries = {
            country.code: country
            for country in self.env["res.country"].search_fetch([], ["code"])
        }
        wanted = set(self.country_ids.mapped("code"))
        entries = {}
        skipped = 0
        for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            if len(row) < 8:
                if any(row):
                    raise UserError(
                        self.env._(
                            "Line %(line)s is not a UN/LOCODE entry: expected the "
                            "columns Change, Country, Location, Name, "
                            "NameWoDiacritics, Subdivision, Status, Function, Date, "
                            "IATA...",
                            line=number,
                        )
                    )
                continue
            change, country_code, place, name, plain_name = row[:5]
            function = row[7]
            iata = row[9].strip() if len(row) > 9 else ""
            code = f"{country_code.strip()}{place.strip()}".upper()
            kind = _kind(function)
            country = countries.get(country_code.strip().upper())
            if (
                change.strip() in SKIPPED_CHANGES
                or not place.strip()
                or not kind
                or not country
                or not UNLOCODE_PATTERN.match(code)
                or (wanted and country.code not in wanted)
            ):
                skipped += 1
                continue
            iata_code = (iata or place.strip()).upper() if kind == "airport" else ""
            entries[code] = {
                "code": code,
                "name": name.strip() or plain_name.strip(),
                "country_id": country.id,
                "kind": kind,
                "iata_code": iata_code if IATA_PATTERN.match(iata_code) else False,
            }
        return entries, skipped


def _kind(function):
    for position, flag, kind in FUNCTION_KINDS:
        if len(function) > position and function[position] == flag:
            return kind
    return None
