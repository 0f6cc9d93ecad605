import base64
import logging

import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..tools import FREIGHT_MODES, rate_cards, rate_sheet

_logger = logging.getLogger(__name__)


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import Buy Rates"
    _check_company_auto = True
    # sheets with more rows are imported by a background job, in steps
    _background_rows = 2000
    # rate cards created per call to create(), and per step of the background job
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
    # the user's current company, never a value sent by the client (see create)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    # the background import of a large sheet
    state = fields.Selection(
        [
            ("draft", "To Import"),
            ("queued", "Queued"),
            ("importing", "Importing"),
            ("done", "Imported"),
            ("failed", "Failed"),
        ],
        default="draft",
        required=True,
        readonly=True,
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    row_done = fields.Integer(string="Rows Imported", readonly=True)
    progress = fields.Integer(compute="_compute_progress")
    result = fields.Text(readonly=True)
    rate_ids = fields.Many2many("freight.rate", string="Imported Rates", readonly=True)
    # the validated cards between the job's steps, and how many are created
    pending_cards = fields.Json(string="Cards to Create", readonly=True)
    card_done = fields.Integer(string="Cards Created", readonly=True)

    @api.depends("row_count", "row_done")
    def _compute_progress(self):
        for wizard in self:
            wizard.progress = (
                wizard.row_count and 100 * wizard.row_done // wizard.row_count
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["company_id"] = self.env.company.id
        return super().create(vals_list)

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
        if len(rows) <= self._background_rows:
            return self._action_show_rates(self._import_rows(headers, rows))
        _columns, _surcharges, errors = rate_sheet.map_headers(
            headers, self._header_keys(), self._charge_ids(headers)
        )
        if errors:
            self._raise_errors(errors)
        self.write({"state": "queued", "row_count": len(rows), "row_done": 0})
        self.env.ref("crm_freight_pricing.ir_cron_import_rate_sheets")._trigger()
        return self.action_refresh()

    def action_refresh(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Rates"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_show_rates(self):
        self.ensure_one()
        return self._action_show_rates(self.rate_ids)

    def _action_show_rates(self, rates):
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
        today = fields.Date.context_today(self)
        return rate_sheet.template_xlsx(
            (self.env._("Rates"), self.env._("Instructions")),
            [*self._rate_headers().values(), "BAF", "THC VND"],
            rate_sheet.template_examples(today, fields.Date.add(today, days=14)),
            self._template_instructions(),
        )

    def _template_instructions(self):
        return [self.env._(line) for line in rate_sheet.INSTRUCTIONS]

    # ------------------------------------------------------------
    # READING
    # ------------------------------------------------------------

    def _read_file(self):
        """(headers, rows) where rows are (row number, values) without empty rows."""
        try:
            headers, rows = rate_sheet.split_table(
                rate_sheet.read_table(base64.b64decode(self.file), self.filename)
            )
        except ValueError as error:
            raise UserError(
                self.env._(
                    "%(file)s is not an Excel (xlsx) or CSV file: %(error)s",
                    file=rate_sheet.shorten(self.filename),
                    error=rate_sheet.shorten(error),
                )
            ) from error
        if headers is None:
            raise UserError(self.env._("The file is empty."))
        return headers, rows

    # ------------------------------------------------------------
    # VALIDATION AND IMPORT
    # ------------------------------------------------------------

    def _import_rows(self, headers, rows):
        """Validate every row, then create the rate cards, or raise one UserError
        listing the errors with their row numbers and create nothing."""
        cards = self._validate_rows(headers, rows)
        rates = self.env["freight.rate"]
        for batch in split_every(self._create_batch_size, cards, list):
            rates |= self._create_rates(batch)
        if self.activate_rates:
            self._activate_rates(rates)
        return rates

    def _create_rates(self, cards):
        # thousands of cards: no creation message, follower or tracking per card
        rates = self.env["freight.rate"].with_context(tracking_disable=True)
        computed = self._get_computed_values(cards)
        return rates.create(
            [self._prepare_rate_values(card, computed) for card in cards]
        )

    def _activate_rates(self, rates):
        """Activate the rates just created at once (overlaps: a few queries), with
        no tracking message per rate, as their creation wrote none."""
        rates.with_context(tracking_disable=True).action_activate()

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

    def _prepare_rate_values(self, card, computed=None):
        """The values creating ``card``'s rate (``computed``: see below)."""
        computed = computed or self._get_computed_values([card])
        values = {
            key: value
            for key, value in card.items()
            if key not in ("lines", "surcharges")
        }
        values.update(computed[card["freight_mode"]])
        values["line_ids"] = [Command.create(line) for line in card["lines"]]
        values["surcharge_ids"] = [
            Command.create(
                {
                    **surcharge,
                    "company_id": values["company_id"],
                    "basis": computed["basis"][surcharge["charge_type_id"]],
                }
            )
            for surcharge in card["surcharges"]
        ]
        return values

    def _get_computed_values(self, cards):
        """What the computes and defaults of the cards' new rates give, once per
        mode (freight charge, volume factor, company, owner, state) and charge type
        (``basis``: a surcharge's), from the computes on one new record each."""
        Rate = self.env["freight.rate"]
        computed = {}
        for mode in {card["freight_mode"] for card in cards}:
            rate = Rate.new({"freight_mode": mode})
            computed[mode] = {
                "freight_charge_type_id": rate.freight_charge_type_id.id,
                "volume_factor": rate.volume_factor,
                "company_id": self.env.company.id,
                "user_id": self.env.uid,
                "state": "draft",
            }
        Surcharge = self.env["freight.rate.surcharge"]
        charge_ids = {
            surcharge["charge_type_id"]
            for card in cards
            for surcharge in card["surcharges"]
        }
        computed["basis"] = {
            charge_id: Surcharge.new({"charge_type_id": charge_id}).basis
            for charge_id in charge_ids
        }
        return computed

    # ------------------------------------------------------------
    # BACKGROUND IMPORT
    # ------------------------------------------------------------

    @api.model
    def _cron_import_rate_sheets(self):
        """One step of the oldest queued import: validating its sheet, or creating
        the next batch of its cards, each step in its own transaction so the
        progress shows; the job runs again at once while steps remain."""
        pending = self.search([("state", "in", ("queued", "importing"))], order="id")
        if pending:
            wizard = pending[0]
            # as its user, in the company it was started in
            user = wizard.create_uid
            wizard.with_user(user).with_company(wizard.company_id).with_context(
                lang=user.lang
            )._import_step()
        remaining = self.search_count([("state", "in", ("queued", "importing"))])
        self.env["ir.cron"]._notify_progress(done=len(pending[:1]), remaining=remaining)

    def _import_step(self):
        try:
            with self.env.cr.savepoint():
                if self.state == "queued":
                    headers, rows = self._read_file()
                    cards = self._validate_rows(headers, rows)
                    for card in cards:
                        card["date_from"] = fields.Date.to_string(card["date_from"])
                        card["date_to"] = fields.Date.to_string(card["date_to"])
                    self.write(
                        {"state": "importing", "pending_cards": cards, "card_done": 0}
                    )
                    return
                cards = self.pending_cards
                batch = cards[self.card_done : self.card_done + self._create_batch_size]
                rates = self._create_rates(batch)
                self.write(
                    {
                        "rate_ids": [Command.link(rate.id) for rate in rates],
                        "card_done": self.card_done + len(batch),
                        "row_done": self.row_done + len(rates.line_ids),
                    }
                )
                if self.card_done < len(cards):
                    return
                if self.activate_rates:
                    self._activate_rates(self.rate_ids)
                message = self.env._(
                    "%(count)s rates imported from %(file)s.",
                    count=len(self.rate_ids),
                    file=rate_sheet.shorten(self.filename),
                )
                self.write({"state": "done", "pending_cards": False, "result": message})
        # any failure ends this import, not the job (nor the imports queued after it)
        except Exception as error:
            if not isinstance(error, UserError | psycopg2.Error):
                _logger.exception("Rate sheet import %s failed", self.id)
            # the drafts of the steps before: a sheet is imported whole or not at all
            self.rate_ids.unlink()
            message = str(error)
            self.write({"state": "failed", "pending_cards": False, "result": message})
        else:
            if self.state != "done":
                return
        self._notify_user()

    def _notify_user(self):
        done = self.state == "done"
        subject = (
            self.env._("Rate sheet imported")
            if done
            else self.env._("Rate sheet not imported")
        )
        # an inbox message that stays, and a notification for an open web client
        self.env["mail.thread"].message_notify(
            partner_ids=self.env.user.partner_id.ids,
            author_id=self.env.ref("base.partner_root").id,
            subject=subject,
            body=self.result,
        )
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "success" if done else "danger",
                "title": subject,
                "message": rate_sheet.shorten(self.result, 300),
                "sticky": not done,
            },
        )
