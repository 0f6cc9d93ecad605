from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FREIGHT_MODES


class FreightRateMarkup(models.Model):
    """Pricing's markup on the buy cost giving the sell floor that salespeople
    without the cost group quote from: per mode, optionally per lane or carrier."""

    _name = "freight.rate.markup"
    _description = "Sell Floor Markup"
    _order = "company_id, freight_mode, carrier_id, origin_id, destination_id, id"
    _check_company_auto = True

    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    freight_mode = fields.Selection(FREIGHT_MODES, string="Mode", required=True)
    origin_id = fields.Many2one(
        "freight.location", help="Leave empty for every origin of this mode."
    )
    destination_id = fields.Many2one(
        "freight.location", help="Leave empty for every destination of this mode."
    )
    carrier_id = fields.Many2one(
        "res.partner",
        domain=[("is_carrier", "=", True)],
        check_company=True,
        help="Leave empty for every carrier of this mode.",
    )
    markup_percent = fields.Float(
        string="Markup (%)",
        required=True,
        digits=(16, 2),
        help="Added to every buy charge of the matching rates: the sell floor is the "
        "cost plus this percentage.",
    )

    @api.depends("freight_mode", "origin_id", "destination_id", "carrier_id")
    def _compute_display_name(self):
        modes = dict(self._fields["freight_mode"]._description_selection(self.env))
        for markup in self:
            parts = [
                modes.get(markup.freight_mode, ""),
                markup.origin_id.code or markup.origin_id.iata_code or "*",
                markup.destination_id.code or markup.destination_id.iata_code or "*",
                markup.carrier_id.name or "",
            ]
            markup.display_name = " ".join(part for part in parts if part)

    @api.constrains("markup_percent")
    def _check_markup_percent(self):
        for markup in self:
            if markup.markup_percent <= 0:
                raise ValidationError(
                    self.env._(
                        "The markup of %(scope)s must be above 0 %%: without one, "
                        "the sell floor would be the buy cost itself.",
                        scope=markup.display_name,
                    )
                )

    @api.constrains(
        "company_id", "freight_mode", "origin_id", "destination_id", "carrier_id"
    )
    def _check_unique_scope(self):
        for markup in self:
            if self.search_count(
                [("id", "!=", markup.id), *markup._scope_domain()], limit=1
            ):
                raise ValidationError(
                    self.env._(
                        "A markup for %(scope)s already exists: change that one.",
                        scope=markup.display_name,
                    )
                )

    def _scope_domain(self):
        """The markups of the same scope as this one: one markup per scope."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("freight_mode", "=", self.freight_mode),
            ("origin_id", "=", self.origin_id.id),
            ("destination_id", "=", self.destination_id.id),
            ("carrier_id", "=", self.carrier_id.id),
        ]

    def _specificity(self):
        """Lane beats carrier, both beat the mode alone."""
        self.ensure_one()
        return (
            bool(self.origin_id) + bool(self.destination_id),
            bool(self.carrier_id),
        )

    def _scope_key(self):
        """(company, mode, origin, destination, carrier) ids, False for "any"."""
        self.ensure_one()
        return (
            self.company_id.id,
            self.freight_mode,
            self.origin_id.id,
            self.destination_id.id,
            self.carrier_id.id,
        )

    @api.model
    def _matches(self, scope, rate_key):
        """Whether a markup of ``scope`` (``_scope_key``) applies to a rate of
        ``rate_key`` (its own ids in the same order)."""
        company, mode, *lane = scope
        return (
            company == rate_key[0]
            and mode == rate_key[1]
            and all(
                value in (rate_value, False)
                for value, rate_value in zip(lane, rate_key[2:], strict=True)
            )
        )

    @api.model
    def _candidate_domain(self, keys, date, partner):
        """The markups that may apply to rates of these scope ``keys`` (see
        ``_scope_key``) for a shipment on ``date`` quoted to ``partner`` (a
        commercial partner, possibly empty)."""
        return [
            ("company_id", "in", list({key[0] for key in keys})),
            ("freight_mode", "in", list({key[1] for key in keys})),
        ]

    def _pick(self):
        """The markup that applies among these, all matching one rate."""
        return max(self, key=lambda markup: markup._specificity())

    @api.model
    def _get_markups(self, rates, date=None, partner=None):
        """The markup of each of ``rates`` (a dict by rate), the most specific
        markup of its company and mode for a shipment on ``date`` (today by default)
        quoted to ``partner``; rates without one are left out."""
        keys = {
            rate: (
                rate.company_id.id,
                rate.freight_mode,
                rate.origin_id.id,
                rate.destination_id.id,
                rate.carrier_id.id,
            )
            for rate in rates
        }
        markups = self._get_markups_for_keys(set(keys.values()), date, partner)
        return {rate: markups[key] for rate, key in keys.items() if key in markups}

    @api.model
    def _get_markups_for_keys(self, keys, date=None, partner=None):
        """``_get_markups`` for rates given by their scope keys (company, mode,
        origin, destination and carrier ids, as ``_scope_key``): a dict by key. The
        rate search has them from its own query, without reading the rates."""
        date = date or fields.Date.context_today(self)
        partner = (partner or self.env["res.partner"]).commercial_partner_id
        if not keys:
            return {}
        markups = self.search(self._candidate_domain(keys, date, partner))
        # plain ids compared, and one pick per set of matching markups: a busy lane
        # has hundreds of rates and a company a handful of markups
        scopes = [(markup.id, markup._scope_key()) for markup in markups]
        picks = {}
        result = {}
        for rate_key in keys:
            matching = tuple(
                markup_id
                for markup_id, scope in scopes
                if self._matches(scope, rate_key)
            )
            if matching:
                if matching not in picks:
                    picks[matching] = self.browse(matching)._pick()
                result[rate_key] = picks[matching]
        return result
