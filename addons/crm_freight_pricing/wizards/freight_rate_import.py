import base64
from collections import defaultdict
import csv
import datetime
import io

import openpyxl

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import xlsxwriter

from ..tools import FREIGHT_MODES

# The columns of the rate sheet, in order: (key, English header). Any further column
# is a surcharge whose header is a charge code ("BAF"), in the rate's currency, or a
# charge code and a currency ("THC VND").
RATE_COLUMNS = [
    ("carrier", "Carrier"),
    ("mode", "Mode"),
    ("origin", "Origin"),
    ("destination", "Destination"),
    ("via", "Via"),
    ("date_from", "Valid From"),
    ("date_to", "Valid To"),
    ("currency", "Currency"),
    ("transit_days", "Transit Days"),
    ("free_days", "Free Days"),
    ("equipment", "Equipment"),
    ("price", "Price"),
    ("minimum", "Minimum"),
    ("remarks", "Remarks"),
]
# what makes one rate card out of several rows
CARD_KEYS = (
    "carrier",
    "mode",
    "origin",
    "destination",
    "via",
    "date_from",
    "date_to",
    "currency",
)
# the card's own terms: every row of a card must give the same value
CARD_TERMS = ("transit_days", "free_days", "minimum", "remarks")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
AIR_CLASS_N = {"n", "normal"}


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import Buy Rates"

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
        return {
            "carrier": self.env._("Carrier"),
            "mode": self.env._("Mode"),
            "origin": self.env._("Origin"),
            "destination": self.env._("Destination"),
            "via": self.env._("Via"),
            "date_from": self.env._("Valid From"),
            "date_to": self.env._("Valid To"),
            "currency": self.env._("Currency"),
            "transit_days": self.env._("Transit Days"),
            "free_days": self.env._("Free Days"),
            "equipment": self.env._("Equipment"),
            "price": self.env._("Price"),
            "minimum": self.env._("Minimum"),
            "remarks": self.env._("Remarks"),
        }

    @api.model
    def _header_keys(self):
        """Column key of each header, in English or in the user's language."""
        keys = {label.lower(): key for key, label in RATE_COLUMNS}
        keys.update({label.lower(): key for key, label in self._rate_headers().items()})
        keys.update({key: key for key, _label in RATE_COLUMNS})
        return keys

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
        headers = [str(value or "").strip() for value in table[0]]
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
                    file=self.filename or "",
                    error=error,
                )
            ) from error
        sheet = workbook.worksheets[0]
        table = [list(row) for row in sheet.iter_rows(values_only=True)]
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
        return [row for row in csv.reader(io.StringIO(text), dialect)]

    # ------------------------------------------------------------
    # VALIDATION AND IMPORT
    # ------------------------------------------------------------

    def _import_rows(self, headers, rows):
        """Validate every row, then create the rate cards, or raise one UserError
        listing every error with its row number and create nothing."""
        errors = []
        columns, surcharge_columns = self._map_headers(headers, errors)
        if errors:
            self._raise_errors(errors)
        if not rows:
            raise UserError(self.env._("The file has no rates."))
        masters = self._fetch_master_data(rows, columns, surcharge_columns)
        parsed = [
            (number, self._parse_row(number, values, columns, masters, errors))
            for number, values in rows
        ]
        cards = defaultdict(list)
        for number, row in parsed:
            if row:
                cards[tuple(row[key] for key in CARD_KEYS)].append((number, row))
        vals_list = [
            self._prepare_rate_values(card_rows, surcharge_columns, masters, errors)
            for card_rows in cards.values()
        ]
        self._check_overlaps(cards, errors)
        if errors:
            self._raise_errors(errors)
        rates = self.env["freight.rate"].create(vals_list)
        if self.activate_rates:
            rates.action_activate()
        return rates

    def _raise_errors(self, errors):
        errors = sorted(set(errors))
        lines = [
            self.env._("Row %(row)s: %(error)s", row=row, error=error) if row else error
            for row, error in errors
        ]
        raise UserError(
            self.env._(
                "Nothing was imported: fix these %(count)s errors and import the "
                "file again.\n%(errors)s",
                count=len(lines),
                errors="\n".join(lines),
            )
        )

    def _map_headers(self, headers, errors):
        """Column index of each rate column, and (index, charge type, currency code)
        of each surcharge column."""
        header_keys = self._header_keys()
        columns = {}
        extra = []
        for index, header in enumerate(headers):
            if not header:
                continue
            key = header_keys.get(header.lower())
            if key:
                columns[key] = index
            else:
                extra.append((index, header))
        required = {"carrier", "mode", "origin", "destination", "date_from"}
        required |= {"date_to", "currency", "price"}
        labels = self._rate_headers()
        for key in sorted(required - set(columns)):
            errors.append(
                (
                    0,
                    self.env._("The column %(column)s is missing.", column=labels[key]),
                )
            )
        codes = {header.split()[0].upper() for _index, header in extra}
        charge_types = self.env["freight.charge.type"].search(
            [("code", "in", list(codes))]
        )
        charge_by_code = {charge.code.upper(): charge for charge in charge_types}
        surcharge_columns = []
        for index, header in extra:
            code, *currency = header.split()
            charge = charge_by_code.get(code.upper())
            if not charge or len(currency) > 1:
                errors.append(
                    (
                        0,
                        self.env._(
                            "Column %(column)s is neither a rate column nor a charge "
                            "code (BAF, THC...) optionally followed by a currency.",
                            column=header,
                        ),
                    )
                )
                continue
            surcharge_columns.append(
                (index, charge, currency[0].upper() if currency else None)
            )
        return columns, surcharge_columns

    def _fetch_master_data(self, rows, columns, surcharge_columns):
        """The carriers, locations, equipment and currencies the rows name: one query
        per kind, whatever the number of rows."""

        def texts(*keys):
            return list(
                {
                    _text(values[columns[key]])
                    for _number, values in rows
                    for key in keys
                    if key in columns and _text(values[columns[key]])
                }
            )

        carriers = self.env["res.partner"].search(
            [("is_carrier", "=", True), ("name", "in", texts("carrier"))]
        )
        carriers_by_name = defaultdict(lambda: self.env["res.partner"])
        for carrier in carriers:
            carriers_by_name[carrier.name.lower()] |= carrier
        codes = [code.upper() for code in texts("origin", "destination", "via")]
        locations = self.env["freight.location"].search(
            ["|", ("code", "in", codes), ("iata_code", "in", codes)]
        )
        location_by_code = {loc.iata_code: loc for loc in locations if loc.iata_code}
        location_by_code.update({loc.code: loc for loc in locations if loc.code})
        equipment = texts("equipment")
        containers = self.env["freight.container.type"].search(
            [
                "|",
                ("name", "in", equipment),
                ("iso_code", "in", [name.upper() for name in equipment]),
            ]
        )
        container_by_name = {ctype.iso_code.upper(): ctype for ctype in containers}
        container_by_name.update({ctype.name.upper(): ctype for ctype in containers})
        vehicles = self.env["freight.vehicle.type"].search([("name", "in", equipment)])
        currency_names = {name.upper() for name in texts("currency")}
        currency_names |= {currency for _i, _c, currency in surcharge_columns}
        currencies = self.env["res.currency"].search(
            [("name", "in", [name for name in currency_names if name])]
        )
        return {
            "carrier": carriers_by_name,
            "location": location_by_code,
            "container": container_by_name,
            "vehicle": {vehicle.name.upper(): vehicle for vehicle in vehicles},
            "currency": {currency.name: currency for currency in currencies},
            "mode": self._mode_keys(),
        }

    def _parse_row(self, number, values, columns, masters, errors):
        """The row's values as records, dates and numbers, or None when it has
        errors (appended to ``errors``)."""
        row_errors = []

        def error(message):
            row_errors.append((number, message))

        cells = {
            key: values[index] if index < len(values) else None
            for key, index in columns.items()
        }
        row = {"values": values, "remarks": _text(cells.get("remarks"))}
        self._parse_lane(row, cells, masters, error)
        self._parse_validity(row, cells, masters, error)
        self._parse_amounts(row, cells, error)
        self._parse_equipment(row, _text(cells.get("equipment")), masters, error)
        errors += row_errors
        return None if row_errors else row

    def _parse_lane(self, row, cells, masters, error):
        carrier_name = _text(cells.get("carrier"))
        carriers = masters["carrier"][carrier_name.lower()] if carrier_name else None
        if not carrier_name:
            error(self.env._("the carrier is missing."))
        elif not carriers:
            error(self.env._("unknown carrier %(carrier)s.", carrier=carrier_name))
        elif len(carriers) > 1:
            error(
                self.env._(
                    "several carriers are named %(carrier)s.", carrier=carrier_name
                )
            )
        row["carrier"] = carriers[:1] if carriers else None
        mode_name = _text(cells.get("mode"))
        row["mode"] = masters["mode"].get(mode_name.lower())
        if not row["mode"]:
            error(self.env._("unknown mode %(mode)s.", mode=mode_name))
        for key in ("origin", "destination", "via"):
            code = _text(cells.get(key)).upper()
            row[key] = masters["location"].get(code, False) if code else False
            if code and not row[key]:
                error(self.env._("unknown location code %(code)s.", code=code))
            elif key != "via" and not code:
                error(
                    self.env._(
                        "the %(column)s is missing.",
                        column=self._rate_headers()[key],
                    )
                )
        if row["origin"] and row["origin"] == row["destination"]:
            error(self.env._("origin and destination are the same."))

    def _parse_validity(self, row, cells, masters, error):
        for key in ("date_from", "date_to"):
            row[key] = _date(cells.get(key))
            if not row[key]:
                error(
                    self.env._(
                        "%(value)s is not a date (YYYY-MM-DD or DD/MM/YYYY).",
                        value=_text(cells.get(key)) or self.env._("an empty cell"),
                    )
                )
        if row["date_from"] and row["date_to"]:
            if row["date_to"] < row["date_from"]:
                error(
                    self.env._(
                        "the validity ends (%(date_to)s) before it starts "
                        "(%(date_from)s).",
                        date_to=row["date_to"],
                        date_from=row["date_from"],
                    )
                )
            elif self.activate_rates and row["date_to"] < fields.Date.context_today(
                self
            ):
                error(
                    self.env._(
                        "the validity ended on %(date)s: the rate cannot be activated.",
                        date=row["date_to"],
                    )
                )
        currency_name = _text(cells.get("currency")).upper()
        row["currency"] = masters["currency"].get(currency_name)
        if not row["currency"]:
            error(self.env._("unknown currency %(currency)s.", currency=currency_name))

    def _parse_amounts(self, row, cells, error):
        for key in ("transit_days", "free_days"):
            row[key] = _number(cells.get(key), integer=True)
            if row[key] is None or row[key] < 0:
                error(
                    self.env._(
                        "%(value)s is not a number of days.",
                        value=_text(cells.get(key)),
                    )
                )
        for key in ("price", "minimum"):
            row[key] = _number(cells.get(key))
            if row[key] is None or row[key] < 0:
                error(
                    self.env._(
                        "%(value)s is not a price: a number, zero or more.",
                        value=_text(cells.get(key)),
                    )
                )
        if _text(cells.get("price")) == "":
            error(self.env._("the price is missing."))

    def _parse_equipment(self, row, equipment, masters, error):
        row["container_type"] = row["vehicle_type"] = False
        row["weight_break"] = 0.0
        mode = row["mode"]
        if mode == "sea_fcl":
            row["container_type"] = masters["container"].get(equipment.upper())
            if not row["container_type"]:
                error(
                    self.env._(
                        "unknown container type %(equipment)s.", equipment=equipment
                    )
                    if equipment
                    else self.env._("an FCL price needs a container type.")
                )
        elif mode == "truck":
            row["vehicle_type"] = masters["vehicle"].get(equipment.upper())
            if not row["vehicle_type"]:
                error(
                    self.env._("unknown truck type %(equipment)s.", equipment=equipment)
                    if equipment
                    else self.env._("a trucking price needs a truck type.")
                )
        elif mode == "air" and equipment.lower() not in AIR_CLASS_N | {""}:
            weight_break = _number(equipment.lstrip("+"))
            if weight_break is None or weight_break < 0:
                error(
                    self.env._(
                        "%(equipment)s is not a weight break: N, 45, 100, 300...",
                        equipment=equipment,
                    )
                )
            row["weight_break"] = weight_break or 0.0

    def _prepare_rate_values(self, card_rows, surcharge_columns, masters, errors):
        """One rate card's values from its rows."""
        number, first = card_rows[0]
        for key in CARD_TERMS:
            for other_number, row in card_rows[1:]:
                if row[key] and first[key] and row[key] != first[key]:
                    errors.append(
                        (
                            other_number,
                            self.env._(
                                "%(column)s differs from row %(row)s of the same rate.",
                                column=self._rate_headers()[key],
                                row=number,
                            ),
                        )
                    )
        seen = {}
        for row_number, row in card_rows:
            key = _equipment_key(row)
            if key in seen:
                errors.append(
                    (
                        row_number,
                        self.env._(
                            "the same equipment or weight break as row %(row)s of the "
                            "same rate.",
                            row=seen[key],
                        ),
                    )
                )
            seen.setdefault(key, row_number)

        def term(key):
            return next((row[key] for _n, row in card_rows if row[key]), False)

        return {
            "carrier_id": first["carrier"].id,
            "freight_mode": first["mode"],
            "origin_id": first["origin"].id,
            "destination_id": first["destination"].id,
            "via_id": first["via"].id if first["via"] else False,
            "date_from": first["date_from"],
            "date_to": first["date_to"],
            "currency_id": first["currency"].id,
            "transit_days": term("transit_days") or 0,
            "free_days": term("free_days") or 0,
            "minimum_amount": term("minimum") or 0.0,
            "remarks": term("remarks") or False,
            "line_ids": [
                Command.create(
                    {
                        "container_type_id": row["container_type"].id
                        if row["container_type"]
                        else False,
                        "vehicle_type_id": row["vehicle_type"].id
                        if row["vehicle_type"]
                        else False,
                        "weight_break": row["weight_break"],
                        "price": row["price"] or 0.0,
                    }
                )
                for _n, row in card_rows
            ],
            "surcharge_ids": self._prepare_surcharges(
                card_rows, surcharge_columns, masters, errors
            ),
        }

    def _prepare_surcharges(self, card_rows, surcharge_columns, masters, errors):
        commands = []
        mode = card_rows[0][1]["mode"]
        for index, charge, currency_name in surcharge_columns:
            currency = (
                masters["currency"].get(currency_name)
                if currency_name
                else card_rows[0][1]["currency"]
            )
            amounts = []
            for number, row in card_rows:
                raw = row["values"][index] if index < len(row["values"]) else None
                amount = _number(raw, default=None)
                if _text(raw) and (amount is None or amount < 0):
                    errors.append(
                        (
                            number,
                            self.env._(
                                "%(value)s is not an amount for %(charge)s.",
                                value=_text(raw),
                                charge=charge.code,
                            ),
                        )
                    )
                    continue
                if amount is not None:
                    amounts.append((number, row, amount))
            if not amounts:
                continue
            if not currency:
                errors.append(
                    (
                        amounts[0][0],
                        self.env._(
                            "unknown currency %(currency)s.", currency=currency_name
                        ),
                    )
                )
                continue
            values = {
                "charge_type_id": charge.id,
                "currency_id": currency.id,
            }
            same = len({amount for _n, _r, amount in amounts}) == 1
            if same and len(amounts) == len(card_rows):
                commands.append(Command.create(dict(values, amount=amounts[0][2])))
            elif mode == "sea_fcl":
                commands += [
                    Command.create(
                        dict(
                            values,
                            amount=amount,
                            container_type_id=row["container_type"].id,
                        )
                    )
                    for _n, row, amount in amounts
                ]
            elif same:
                commands.append(Command.create(dict(values, amount=amounts[0][2])))
            else:
                errors.append(
                    (
                        amounts[1][0],
                        self.env._(
                            "%(charge)s differs from row %(row)s of the same rate: "
                            "only Sea FCL surcharges can vary by container type.",
                            charge=charge.code,
                            row=amounts[0][0],
                        ),
                    )
                )
        return commands

    def _check_overlaps(self, cards, errors):
        """Rows overlapping an active rate of the same carrier, lane, mode and
        equipment, or another card of the file: one query whatever the rows."""
        if not cards:
            return
        lanes = defaultdict(list)
        for card_rows in cards.values():
            first = card_rows[0][1]
            lane = tuple(_record_id(first[key]) for key in CARD_KEYS[:5])
            lanes[lane].append(card_rows)
        date_from = min(card[0][1]["date_from"] for card in cards.values())
        date_to = max(card[0][1]["date_to"] for card in cards.values())
        existing = self.env["freight.rate.line"].search_fetch(
            [
                ("state", "=", "active"),
                ("company_id", "=", self.env.company.id),
                ("carrier_id", "in", list({lane[0] for lane in lanes})),
                ("origin_id", "in", list({lane[2] for lane in lanes})),
                ("destination_id", "in", list({lane[3] for lane in lanes})),
                ("date_from", "<=", date_to),
                ("date_to", ">=", date_from),
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
        existing_by_lane = defaultdict(list)
        for line in existing:
            lane = (
                line.carrier_id.id,
                line.freight_mode,
                line.origin_id.id,
                line.destination_id.id,
                line.via_id.id,
            )
            existing_by_lane[lane].append(line)
        for lane, lane_cards in lanes.items():
            for position, card_rows in enumerate(lane_cards):
                first = card_rows[0][1]
                for number, row in card_rows:
                    key = _equipment_key(row)
                    for line in existing_by_lane[lane]:
                        if line._equipment_key() == key and _overlap(first, line):
                            errors.append(
                                (
                                    number,
                                    self.env._(
                                        "overlaps the active rate %(rate)s (valid "
                                        "%(date_from)s to %(date_to)s) for the same "
                                        "equipment.",
                                        rate=line.rate_id.name,
                                        date_from=line.date_from,
                                        date_to=line.date_to,
                                    ),
                                )
                            )
                    for other_rows in lane_cards[:position]:
                        other = other_rows[0][1]
                        if not _overlap(first, other):
                            continue
                        for other_number, other_row in other_rows:
                            if _equipment_key(other_row) == key:
                                errors.append(
                                    (
                                        number,
                                        self.env._(
                                            "its validity overlaps row %(row)s for "
                                            "the same carrier, lane and equipment.",
                                            row=other_number,
                                        ),
                                    )
                                )


def _text(value):
    if value is None or value is False:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value, integer=False, default=0):
    """The cell as a number: ``default`` when empty, None when not a number."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = value
    else:
        try:
            number = float(str(value).strip().replace(" ", ""))
        except ValueError:
            return None
    if integer:
        return int(number) if float(number).is_integer() else None
    return float(number)


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _record_id(value):
    return value.id if isinstance(value, models.BaseModel) else value


def _equipment_key(row):
    return (
        row["container_type"].id if row["container_type"] else False,
        row["vehicle_type"].id if row["vehicle_type"] else False,
        row["weight_break"],
    )


def _overlap(row, other):
    return row["date_from"] <= other["date_to"] and other["date_from"] <= row["date_to"]
