import base64
import csv
import datetime
import io

import openpyxl

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every
from odoo.tools.misc import xlsxwriter

from ..tools import FREIGHT_MODES, rate_cards, rate_sheet


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import Buy Rates"
    # rate cards created per call to create()
    _create_batch_size = 1000
    # errors listed in the message; the others are counted
    _error_limit = 100

    file = fields.Binary(string="Rate Sheet", attachment=False)
    filename = fields.Char()
    activate_rates = fields.Boolean(
        string="Activate Imported Rates",
        help="Activate the rates at once; otherwise they are imported as drafts.",
    )
    template_file = fields.Binary(attachment=False, readonly=True)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_download_template(self):
        self.ensure_one()
        self.template_file = base64.b64encode(self._build_template())
        filename = self.env._("buy_rates_template.xlsx")
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/{filename}"
            "?download=true",
            "target": "download",
        }

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the rate sheet to import first."))
        headers, rows = self._read_file()
        rates = self._import_rows(headers, rows)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported Rates"),
            "res_model": "freight.rate",
            "view_mode": "list,form",
            "domain": [("id", "in", rates.ids)],
        }

    # ------------------------------------------------------------
    # COLUMNS
    # ------------------------------------------------------------

    @api.model
    def _rate_headers(self):
        """The header of each column in the user's language."""
        return {key: self.env._(label) for key, label in rate_sheet.COLUMNS}

    @api.model
    def _header_keys(self):
        """Column key of each header, in English or in the user's language."""
        english = self.with_context(lang="en_US")._rate_headers()
        return rate_sheet.header_keys(english, self._rate_headers())

    @api.model
    def _mode_keys(self):
        field = self.env["freight.rate"]._fields["freight_mode"]
        keys = {key: key for key, _label in FREIGHT_MODES}
        keys.update({label.lower(): key for key, label in FREIGHT_MODES})
        keys.update(
            {
                label.lower(): key
                for key, label in field._description_selection(self.env)
            }
        )
        return keys

    # ------------------------------------------------------------
    # TEMPLATE
    # ------------------------------------------------------------

    def _build_template(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet = workbook.add_worksheet(self.env._("Rates"))
        headers = [*self._rate_headers().values(), "BAF", "THC VND"]
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
        today = fields.Date.context_today(self)
        valid_to = fields.Date.add(today, days=14)
        examples = [
            ["Ocean Line", "Sea FCL", "VNCLI", "CNSHA", "", today, valid_to, "USD",
             7, 14, "20GP", 900, "", "", 150, 2_500_000],
            ["Ocean Line", "Sea FCL", "VNCLI", "CNSHA", "", today, valid_to, "USD",
             7, 14, "40HC", 1500, "", "", 300, 3_800_000],
            ["Sky Cargo", "Air", "SGN", "PVG", "", today, valid_to, "USD",
             2, "", "N", 4.2, 75, "", "", ""],
            ["Sky Cargo", "Air", "SGN", "PVG", "", today, valid_to, "USD",
             2, "", 45, 3.6, 75, "", "", ""],
        ]  # fmt: skip
        for row, values in enumerate(examples, start=1):
            for col, value in enumerate(values):
                if isinstance(value, datetime.date):
                    sheet.write_datetime(row, col, value, date_format)
                else:
                    sheet.write(row, col, value)
        help_sheet = workbook.add_worksheet(self.env._("Instructions"))
        help_sheet.set_column(0, 0, 120)
        for row, line in enumerate(self._template_instructions()):
            help_sheet.write_string(row, 0, line, bold if row == 0 else None)
        workbook.close()
        return output.getvalue()

    def _template_instructions(self):
        return [
            self.env._("How to fill in the Rates sheet"),
            self.env._(
                "One row per price; rows with the same carrier, mode, origin, "
                "destination, via, validity and currency make one rate card."
            ),
            self.env._(
                "Carrier: the name of a partner flagged as shipping line, airline, "
                "co-loader or trucking company."
            ),
            self.env._("Mode: Sea FCL, Sea LCL, Air or Trucking."),
            self.env._(
                "Origin, Destination, Via: UN/LOCODE (VNCLI) or IATA airport code "
                "(SGN); Via may stay empty."
            ),
            self.env._(
                "Valid From, Valid To: dates (YYYY-MM-DD or DD/MM/YYYY); Currency: "
                "ISO code (USD)."
            ),
            self.env._(
                "Transit Days, Free Days, Minimum, Remarks: once per rate card; rows "
                "of one card must not contradict each other."
            ),
            self.env._(
                "Equipment: the container type (20GP, 40HC or its ISO code) for Sea "
                "FCL, the truck type for Trucking, the weight break in kg for Air (N "
                "or 0, 45, 100, 300, 500, 1000), empty for Sea LCL."
            ),
            self.env._(
                "Price: per container (FCL), per W/M (LCL), per kg (Air) or per trip "
                "(Trucking); Minimum: the minimum charge of Air and Sea LCL rates."
            ),
            self.env._(
                "Surcharges: add one column per charge, its header being the charge "
                "code (BAF, THC, FSC...), optionally followed by a currency when the "
                "amount is not in the rate's currency (THC VND). The charge's basis "
                "applies (per container, per shipment, per kg, per W/M, per trip or "
                "a percentage of the freight)."
            ),
            self.env._(
                "Sea FCL: a surcharge given with the same amount on every row of a "
                "card applies to all containers; otherwise each amount applies to "
                "the container type of its row. Other modes: one amount per card."
            ),
            self.env._(
                "Nothing is imported while any row has an error: all errors are "
                "listed with their row numbers."
            ),
        ]

    # ------------------------------------------------------------
    # READING
    # ------------------------------------------------------------

    def _read_file(self):
        """(headers, rows) where rows are (row number, values) without empty rows."""
        content = base64.b64decode(self.file)
        if (self.filename or "").lower().endswith(".csv"):
            table = self._read_csv(content)
        else:
            table = self._read_xlsx(content)
        if not table:
            raise UserError(self.env._("The file is empty."))
        headers = [rate_sheet.text(value) for value in table[0]]
        rows = [
            (number, list(values))
            for number, values in enumerate(table[1:], start=2)
            if any(value not in (None, "") for value in values)
        ]
        return headers, rows

    def _read_xlsx(self, content):
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(
                self.env._(
                    "%(file)s is not an Excel (xlsx) or CSV file: %(error)s",
                    file=rate_sheet.shorten(self.filename),
                    error=rate_sheet.shorten(error),
                )
            ) from error
        sheet = workbook.worksheets[0]
        table = list(sheet.iter_rows(values_only=True))
        workbook.close()
        return table

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("latin-1")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return list(csv.reader(io.StringIO(text), dialect))

    # ------------------------------------------------------------
    # VALIDATION AND IMPORT
    # ------------------------------------------------------------

    def _import_rows(self, headers, rows):
        """Validate every row, then create the rate cards, or raise one UserError
        listing the errors with their row numbers and create nothing."""
        cards = self._validate_rows(headers, rows)
        rates = self.env["freight.rate"]
        for batch in split_every(self._create_batch_size, cards, list):
            rates |= rates.create([self._prepare_rate_values(card) for card in batch])
        if self.activate_rates:
            rates.action_activate()
        return rates

    def _validate_rows(self, headers, rows):
        """The rate cards of the rows (see ``rate_cards.card_values``), or a
        UserError listing every error: a few queries, whatever the number of rows."""
        charge_ids = self._charge_ids(headers)
        columns, surcharges, errors = rate_sheet.map_headers(
            headers, self._header_keys(), charge_ids
        )
        if errors:
            self._raise_errors(errors)
        if not rows:
            raise UserError(self.env._("The file has no rates."))
        masters = self._fetch_masters(rows, columns, surcharges, charge_ids)
        today = fields.Date.context_today(self) if self.activate_rates else None
        parsed, errors = rate_sheet.parse_rows(rows, columns, masters, today)
        grouped = rate_cards.group_cards(parsed)
        cards = []
        for card_rows in grouped:
            values, card_errors = rate_cards.card_values(card_rows, surcharges, masters)
            cards.append(values)
            errors += card_errors
        errors += rate_cards.find_overlaps(grouped, self._active_lines(cards))
        if errors:
            self._raise_errors(errors)
        return cards

    def _raise_errors(self, errors):
        lines, more = rate_sheet.error_lines(errors, self.env._, self._error_limit)
        count = len(lines) + more
        if more:
            lines.append(self.env._("... and %(count)s more errors.", count=more))
        raise UserError(
            self.env._(
                "Nothing was imported: fix these %(count)s errors and import the "
                "file again.\n%(errors)s",
                count=count,
                errors="\n".join(lines),
            )
        )

    def _charge_ids(self, headers):
        codes = rate_sheet.surcharge_codes(headers, self._header_keys())
        charges = self.env["freight.charge.type"].search_fetch(
            [("code", "in", list(codes))], ["code"]
        )
        return {charge.code.upper(): charge.id for charge in charges}

    def _fetch_masters(self, rows, columns, surcharges, charge_ids):
        """The carriers, locations, equipment and currencies the rows name: one query
        per kind, whatever the number of rows."""

        def texts(*keys):
            return list(rate_sheet.column_texts(rows, columns, *keys))

        carriers = {}
        for carrier in self.env["res.partner"].search_fetch(
            [("is_carrier", "=", True), ("name", "in", texts("carrier"))], ["name"]
        ):
            carriers.setdefault(carrier.name.lower(), []).append(carrier.id)
        codes = [code.upper() for code in texts("origin", "destination", "via")]
        locations = self.env["freight.location"].search_fetch(
            ["|", ("code", "in", codes), ("iata_code", "in", codes)],
            ["code", "iata_code"],
        )
        location_ids = {loc.iata_code: loc.id for loc in locations if loc.iata_code}
        location_ids.update({loc.code: loc.id for loc in locations if loc.code})
        equipment = texts("equipment")
        containers = self.env["freight.container.type"].search_fetch(
            [
                "|",
                ("name", "in", equipment),
                ("iso_code", "in", [name.upper() for name in equipment]),
            ],
            ["name", "iso_code"],
        )
        container_ids = {ctype.iso_code.upper(): ctype.id for ctype in containers}
        container_ids.update({ctype.name.upper(): ctype.id for ctype in containers})
        vehicles = self.env["freight.vehicle.type"].search_fetch(
            [("name", "in", equipment)], ["name"]
        )
        currency_names = {name.upper() for name in texts("currency")}
        currency_names |= {currency for _i, _c, currency in surcharges if currency}
        currencies = self.env["res.currency"].search_fetch(
            [("name", "in", list(currency_names))], ["name"]
        )
        return rate_sheet.Masters(
            carrier=carriers,
            mode=self._mode_keys(),
            location=location_ids,
            container=container_ids,
            vehicle={vehicle.name.upper(): vehicle.id for vehicle in vehicles},
            currency={currency.name: currency.id for currency in currencies},
            charge=charge_ids,
        )

    def _active_lines(self, cards):
        """The active prices of the company on the sheet's lanes, within its dates,
        as ``rate_cards.find_overlaps`` takes them: one query (and one for the
        rates' names)."""
        if not cards:
            return []
        lanes = {rate_cards.card_lane(card) for card in cards}
        lines = self.env["freight.rate.line"].search_fetch(
            [
                ("state", "=", "active"),
                ("company_id", "=", self.env.company.id),
                ("carrier_id", "in", list({lane[0] for lane in lanes})),
                ("origin_id", "in", list({lane[2] for lane in lanes})),
                ("destination_id", "in", list({lane[3] for lane in lanes})),
                ("date_from", "<=", max(card["date_to"] for card in cards)),
                ("date_to", ">=", min(card["date_from"] for card in cards)),
            ],
            [
                "rate_id",
                "carrier_id",
                "freight_mode",
                "origin_id",
                "destination_id",
                "via_id",
                "container_type_id",
                "vehicle_type_id",
                "weight_break",
                "date_from",
                "date_to",
            ],
        )
        lines.rate_id.fetch(["name"])
        result = []
        for line in lines:
            lane = (line.carrier_id.id, line.freight_mode, line.origin_id.id)
            lane += (line.destination_id.id, line.via_id.id)
            if lane in lanes:
                result.append(
                    {
                        "lane": lane,
                        "equipment": line._equipment_key(),
                        "date_from": line.date_from,
                        "date_to": line.date_to,
                        "name": line.rate_id.name,
                    }
                )
        return result

    def _prepare_rate_values(self, card):
        values = {
            key: value
            for key, value in card.items()
            if key not in ("lines", "surcharges")
        }
        values["line_ids"] = [Command.create(line) for line in card["lines"]]
        values["surcharge_ids"] = [
            Command.create(surcharge) for surcharge in card["surcharges"]
        ]
        return values
