from collections import defaultdict
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools import (
    DEFAULT_VOLUME_FACTORS,
    FREIGHT_MODES,
    rate_cards,
)

FREIGHT_CHARGE_XMLIDS = {
    "sea_fcl": "crm_freight_pricing.freight_charge_type_of",
    "sea_lcl": "crm_freight_pricing.freight_charge_type_of",
    "air": "crm_freight_pricing.freight_charge_type_af",
    "truck": "crm_freight_pricing.freight_charge_type_trk",
}


PRICE_FIELDS = {
    "line_ids",
    "surcharge_ids",
    "date_from",
    "date_to",
    "currency_id",
    "minimum_amount",
    "volume_factor",
    "freight_charge_type_id",
}


class FreightRate(models.Model):
    _name = "freight.rate"
    _description = "Buy Rate"
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.deadline.reminder.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _deadline_reminder_date_field = "date_to"
    _deadline_reminder_days_field = "freight_rate_expiry_reminder_days"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    carrier_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_carrier", "=", True)],
        check_company=True,
        help="Shipping line, airline, co-loader or trucking company selling this rate.",
    )
    freight_mode = fields.Selection(
        FREIGHT_MODES, string="Mode", required=True, default="sea_fcl", tracking=True
    )
    # lane
    origin_id = fields.Many2one("freight.location", required=True, tracking=True)
    destination_id = fields.Many2one("freight.location", required=True, tracking=True)
    via_id = fields.Many2one(
        "freight.location", help="Transshipment port or airport, if any."
    )
    # validity and terms
    date_from = fields.Date(string="Valid From", required=True, tracking=True)
    date_to = fields.Date(string="Valid To", required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    transit_days = fields.Integer(string="Transit Time (days)")
    free_days = fields.Integer(
        string="Free Time (days)", help="Days free of demurrage and detention."
    )
    remarks = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("expired", "Expired")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Pricing Owner",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        help="The pricing team member who keeps this rate up to date.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # pricing rules
    freight_charge_type_id = fields.Many2one(
        "freight.charge.type",
        string="Freight Charge",
        compute="_compute_freight_charge_type_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="The charge the lines' prices are quoted as: ocean or air freight, "
        "trucking.",
    )
    minimum_amount = fields.Monetary(
        string="Minimum Charge",
        groups="crm_freight_pricing.group_freight_cost",
        help="Air: rate class M. Sea LCL: the minimum freight, whatever the W/M.",
    )
    volume_factor = fields.Float(
        string="Kg per m³",
        compute="_compute_volume_factor",
        store=True,
        readonly=False,
        precompute=True,
        digits=(16, 3),
        help="Volume weight factor: air 166.667 (L x W x H cm / 6000), LCL 1000, "
        "road 333. Change it when this carrier's tariff says otherwise.",
    )
    prices_changed_at = fields.Datetime(
        readonly=True,
        copy=False,
        help="Last time the rate's prices, validity or status changed after it was "
        "first activated.",
    )
    line_ids = fields.One2many(
        "freight.rate.line", "rate_id", string="Prices", copy=True
    )
    surcharge_ids = fields.One2many(
        "freight.rate.surcharge", "rate_id", string="Surcharges", copy=True
    )
    # expiry
    is_expiring_soon = fields.Boolean(
        compute="_compute_is_expiring_soon",
        search="_search_is_expiring_soon",
        help="Active and ending within the days set for expiry reminders.",
    )

    _sql_constraints = [
        (
            "days_positive",
            "CHECK (transit_days >= 0 AND free_days >= 0)",
            "Transit and free time cannot be negative.",
        ),
        (
            "minimum_positive",
            "CHECK (minimum_amount >= 0)",
            "The minimum charge cannot be negative.",
        ),
        (
            "factor_positive",
            "CHECK (volume_factor >= 0)",
            "The volume factor cannot be negative.",
        ),
    ]

    @api.depends("freight_mode")
    def _compute_freight_charge_type_id(self):
        # one lookup per mode, not per rate (an import creates thousands)
        charges = {
            mode: self.env.ref(xmlid, raise_if_not_found=False)
            for mode, xmlid in FREIGHT_CHARGE_XMLIDS.items()
            if mode in set(self.mapped("freight_mode"))
        }
        for rate in self:
            rate.freight_charge_type_id = charges.get(rate.freight_mode)

    @api.depends("freight_mode")
    def _compute_volume_factor(self):
        for rate in self:
            rate.volume_factor = DEFAULT_VOLUME_FACTORS[rate.freight_mode]

    @api.depends("name", "carrier_id", "origin_id", "destination_id")
    def _compute_display_name(self):
        for rate in self:
            rate.display_name = (
                f"{rate.name} {rate.carrier_id.name or ''} "
                f"{rate.origin_id.code or rate.origin_id.iata_code or ''}"
                f"-{rate.destination_id.code or rate.destination_id.iata_code or ''}"
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rate in self:
            if rate.date_to < rate.date_from:
                raise ValidationError(
                    self.env._(
                        "Rate %(rate)s ends (%(date_to)s) before it starts "
                        "(%(date_from)s).",
                        rate=rate.name,
                        date_to=rate.date_to,
                        date_from=rate.date_from,
                    )
                )

    @api.constrains("origin_id", "destination_id", "via_id")
    def _check_lane(self):
        for rate in self:
            if rate.origin_id == rate.destination_id:
                raise ValidationError(
                    self.env._("Origin and destination of a rate must differ.")
                )
            if rate.via_id in rate.origin_id | rate.destination_id:
                raise ValidationError(
                    self.env._("The via port must differ from origin and destination.")
                )

    @api.constrains(
        "state",
        "date_from",
        "date_to",
        "carrier_id",
        "freight_mode",
        "origin_id",
        "destination_id",
        "via_id",
        "company_id",
        "line_ids",
    )
    def _check_no_overlap(self):
        conflicts = self.filtered(lambda rate: rate.state == "active")._overlaps()
        if conflicts:
            rate, conflict = conflicts[0]
            raise ValidationError(
                self.env._(
                    "%(rate)s overlaps %(other)s (valid %(date_from)s to "
                    "%(date_to)s): one carrier cannot have two active rates for "
                    "the same lane, mode and equipment at the same time. Shorten "
                    "or expire one of them.",
                    rate=rate.display_name,
                    other=conflict.display_name,
                    date_from=conflict.date_from,
                    date_to=conflict.date_to,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        for vals, name in zip(unnamed, self._next_names(len(unnamed)), strict=True):
            vals["name"] = name
        return super().create(vals_list)

    def write(self, vals):
        if self._tracks_price_change(vals):
            vals = {**vals, "prices_changed_at": fields.Datetime.now()}
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_active(self):
        if any(rate.state == "active" for rate in self):
            raise UserError(
                self.env._("Active rates cannot be deleted: expire them instead.")
            )

    def action_activate(self):
        for rate in self:
            if not rate.line_ids:
                raise UserError(
                    self.env._(
                        "Rate %(rate)s has no prices yet.", rate=rate.display_name
                    )
                )
            if rate.date_to < fields.Date.context_today(rate):
                raise UserError(
                    self.env._(
                        "Rate %(rate)s ended on %(date)s: it cannot be activated.",
                        rate=rate.display_name,
                        date=self.env.user._crm_format_date(rate.date_to),
                    )
                )
        self.write({"state": "active"})

    def action_expire(self):
        self.write({"state": "expired"})

    def action_reset_to_draft(self):
        self.write({"state": "draft"})

    def action_new_version(self):
        """Copy to a draft starting the day after this one ends, for the next period."""
        self.ensure_one()
        new_rate = self.copy(
            {
                "date_from": fields.Date.add(self.date_to, days=1),
                "date_to": fields.Date.add(
                    self.date_to, days=1 + (self.date_to - self.date_from).days
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.rate",
            "res_id": new_rate.id,
            "view_mode": "form",
        }

    def _overlaps(self):
        """(rate, other active rate) pairs of the same company, carrier, lane and
        mode sharing equipment and days, at most ten, sorted: two queries for any
        number of rates (an import activates thousands), whatever the table's
        statistics (a join of the rates with the active rates was planned for the
        handful of rows the statistics knew, and compared every pair). The rates'
        own values are compared, not their lines' copies, which are written later
        (the lines' exclusion constraint checks those): days by a sweep
        (``rate_cards.overlapping_pairs``), then the equipment of the pairs found."""
        if not self:
            return []
        fnames = ["company_id", "carrier_id", "freight_mode", "origin_id"]
        fnames += ["destination_id", "via_id", "date_from", "date_to"]
        # sudo: every active rate of the lane counts, readable or not; only which
        # rates conflict leaves this method
        others = self.sudo().search_fetch(
            [
                ("state", "=", "active"),
                ("id", "not in", self.ids),
                ("company_id", "in", self.company_id.ids),
                ("carrier_id", "in", self.carrier_id.ids),
                ("origin_id", "in", self.origin_id.ids),
                ("destination_id", "in", self.destination_id.ids),
                ("date_from", "<=", max(self.mapped("date_to"))),
                ("date_to", ">=", min(self.mapped("date_from"))),
            ],
            fnames,
        )

        def period(rate):
            lane = (rate.company_id.id, rate.carrier_id.id, rate.freight_mode)
            lane += (rate.origin_id.id, rate.destination_id.id, rate.via_id.id)
            return lane, rate.date_from, rate.date_to, rate.id

        own = set(self.ids)
        pairs = [
            pair
            for pair in rate_cards.overlapping_pairs(
                [period(rate) for rate in self] + [period(rate) for rate in others]
            )
            if pair[0] in own
        ]
        if not pairs:
            return []
        self.env["freight.rate.line"].flush_model(
            ["rate_id", "container_type_id", "vehicle_type_id", "weight_break"]
        )
        lines = (
            self.env["freight.rate.line"]
            .sudo()
            .search_fetch(
                [
                    (
                        "rate_id",
                        "in",
                        list({rate_id for pair in pairs for rate_id in pair}),
                    )
                ],
                ["rate_id", "container_type_id", "vehicle_type_id", "weight_break"],
            )
        )
        equipment = defaultdict(set)
        for line in lines:
            equipment[line.rate_id.id].add(line._equipment_key())
        return [
            (self.browse(rate_id), self.browse(other_id))
            for rate_id, other_id in pairs
            if equipment[rate_id] & equipment[other_id]
        ][:10]

    @api.model
    def _next_names(self, count):
        """``count`` references from the rates' sequence: one query for them all
        when it is a standard sequence without date ranges (an import names
        thousands of rates), else one ``next_by_code`` each, as Odoo numbers."""
        if not count:
            return []
        Sequence = self.env["ir.sequence"]
        Sequence.browse().check_access("read")
        sequence = Sequence.search(
            [
                ("code", "=", "freight.rate"),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return ["/"] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _index in range(count)]
        numbers = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s) ORDER BY 1",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in numbers]

    def _tracks_price_change(self, vals):
        """Whether writing ``vals`` changes what quotations priced from it rely on."""
        if not any(rate.state == "active" or rate.prices_changed_at for rate in self):
            return False
        leaves_active = vals.get("state") and vals["state"] != "active"
        return leaves_active or any(field in vals for field in PRICE_FIELDS)

    def _changed_since(self):
        """When quotations priced from this rate last had a reason to be checked:
        its last price change, or the day after it ended."""
        self.ensure_one()
        moments = [self.prices_changed_at or datetime.min]
        if self.date_to < fields.Date.context_today(self):
            moments.append(
                datetime.combine(fields.Date.add(self.date_to, days=1), time.min)
            )
        return max(moments)

    # ------------------------------------------------------------
    # EXPIRY
    # ------------------------------------------------------------

    def _compute_is_expiring_soon(self):
        today = fields.Date.context_today(self)
        for rate in self:
            horizon = today + relativedelta(
                days=rate.company_id.freight_rate_expiry_reminder_days
            )
            rate.is_expiring_soon = (
                rate.state == "active"
                and bool(rate.date_to)
                and today <= rate.date_to <= horizon
            )

    def _search_is_expiring_soon(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on Expiring Soon."))
        today = fields.Date.context_today(self)
        horizon = today + relativedelta(
            days=self.env.company.freight_rate_expiry_reminder_days
        )
        domain = [
            ("state", "=", "active"),
            ("date_to", ">=", today),
            ("date_to", "<=", horizon),
        ]
        if (operator == "=") == bool(value):
            return domain
        return ["!", *expression.normalize_domain(domain)]

    @api.model
    def _cron_expire_rates(self, batch_size=1000):
        """Expire active rates past their end date, a batch per call (the cron is
        called again while some remain), then give each pricing owner one to-do per
        rate ending within the company's reminder days."""
        # ended where its company works (the cron runs as OdooBot)
        domain = [("state", "=", "active")] + expression.OR(
            [
                [("company_id", "=", company.id), ("date_to", "<", today)]
                for company, today in self.env["res.company"]._crm_todays().items()
            ]
        )
        ended = self.search(domain, limit=batch_size)
        ended.action_expire()
        remaining = self.search_count(domain) if len(ended) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(ended), remaining=remaining)
        if remaining:
            return
        reminded = self._cron_remind_deadlines()
        # and the salespeople whose open quotations are priced from those rates
        self.env["sale.order"]._remind_quotations_of_expiring_rates(reminded)

    @api.model
    def _get_deadline_reminder_domain(self):
        return [("state", "=", "active")]

    def _get_deadline_reminder_summary(self):
        return self.env._("Renew buy rate")

    def _get_deadline_reminder_note(self, user):
        return self.env._(
            "%(rate)s ends on %(date)s: renew it with the carrier or let it expire.",
            rate=self.display_name,
            date=user._crm_format_date(self.date_to),
        )
