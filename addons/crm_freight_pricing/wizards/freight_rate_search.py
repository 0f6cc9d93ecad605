from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from ..models.res_company import WEIGHT_BASES

COST_GROUP = "crm_freight_pricing.group_freight_cost"
# options shown at once, cheapest first; "Show More Options" adds as many again
OPTION_PAGE = 20


class FreightRateSearch(models.TransientModel):
    _name = "freight.rate.search"
    _inherit = ["freight.shipment.mixin"]
    _description = "Buy Rate Search"
    _check_company_auto = True

    freight_mode = fields.Selection(required=True, default="sea_fcl")
    origin_location_id = fields.Many2one(required=True)
    destination_location_id = fields.Many2one(required=True)
    shipment_date = fields.Date(required=True, default=fields.Date.context_today)
    container_line_ids = fields.One2many(
        "freight.rate.search.container", "search_id", string="Containers"
    )
    order_id = fields.Many2one("sale.order", string="Quotation", check_company=True)
    inquiry_id = fields.Many2one(
        "freight.inquiry",
        check_company=True,
        help="The service inquiry answered: adding an option creates or updates its "
        "quotation.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        string="Quote In",
        required=True,
        default=lambda self: self.env.company.currency_id,
        help="Costs in other currencies are converted at the shipment date's rate.",
    )
    margin_type = fields.Selection(
        [
            ("percent", "Percentage"),
            ("fixed", "Fixed Amount per Freight Unit"),
        ],
        required=True,
        default="percent",
        help="The margin sits on the sell floor Pricing publishes (on the buy cost "
        "for users who see buy rates). A percentage applies to every charge; a fixed "
        "amount is added to the freight per container, per kg, per W/M or per trip.",
    )
    margin_value = fields.Float(string="Margin", default=10.0)
    sell_rounding = fields.Float(
        string="Round per Container or Shipment Up To",
        compute="_compute_sell_roundings",
        store=True,
        readonly=False,
        precompute=True,
        help="Sell prices per container, per shipment (B/L, AWB, minimum charges) or "
        "per trip are rounded up to a multiple of this amount, in the quote "
        "currency, e.g. 1 for USD, 1000 for VND. 0 does not round.",
    )
    sell_rounding_weight = fields.Float(
        string="Round per Kg or W/M Up To",
        compute="_compute_sell_roundings",
        store=True,
        readonly=False,
        precompute=True,
        help="Sell prices per kg or per W/M are rounded up to a multiple of this "
        "amount, in the quote currency, e.g. 0.01 USD. 0 does not round.",
    )
    option_ids = fields.One2many("freight.rate.option", "search_id", string="Options")
    searched = fields.Boolean(readonly=True)
    option_count = fields.Integer(
        string="Options Found",
        readonly=True,
        help="How many rates can carry this shipment; the cheapest are shown.",
    )
    more_option_count = fields.Integer(
        string="More Options", compute="_compute_more_option_count"
    )
    neighbour_ports_only = fields.Boolean(
        compute="_compute_neighbour_ports_only",
        help="No rate from or to the port searched: the options are the rates of "
        "its neighbours in the same port group.",
    )

    _sql_constraints = [
        (
            "margin_positive",
            "CHECK (margin_value >= 0)",
            "The margin cannot be negative.",
        ),
        (
            "rounding_positive",
            "CHECK (sell_rounding >= 0 AND sell_rounding_weight >= 0)",
            "The rounding cannot be negative.",
        ),
    ]

    @api.depends("currency_id", "company_id")
    def _compute_sell_roundings(self):
        for search in self:
            search.sell_rounding, search.sell_rounding_weight = (
                search.company_id._get_freight_sell_roundings(search.currency_id)
                if search.currency_id and search.company_id
                else (0.0, 0.0)
            )

    @api.depends("option_count", "option_ids")
    def _compute_more_option_count(self):
        for search in self:
            search.more_option_count = max(
                search.option_count - len(search.option_ids), 0
            )

    @api.depends("option_ids.is_neighbour_port")
    def _compute_neighbour_ports_only(self):
        for search in self:
            search.neighbour_ports_only = bool(search.option_ids) and all(
                search.option_ids.mapped("is_neighbour_port")
            )

    @api.constrains("company_id")
    def _check_company_allowed(self):
        for search in self:
            if search.company_id not in self.env.companies:
                raise ValidationError(
                    self.env._(
                        "You can only search the buy rates of the companies you work "
                        "in: choose one of them as the search's company."
                    )
                )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        order = self.env["sale.order"].browse(self.env.context.get("default_order_id"))
        if order:
            values.update(
                {
                    key: value
                    for key, value in order._get_shipment_values().items()
                    if value and key in fields_list
                }
            )
            values["currency_id"] = order.currency_id.id
            values["company_id"] = order.company_id.id
        inquiry = self.env["freight.inquiry"].browse(
            self.env.context.get("default_inquiry_id")
        )
        if inquiry:
            values.update(inquiry._get_rate_search_defaults(fields_list))
        return values

    def _check_search_input(self):
        mode = self.freight_mode
        if mode == "sea_fcl" and not self.container_line_ids:
            raise UserError(
                self.env._("Say which containers to ship: an FCL search needs them.")
            )
        if mode == "truck" and not self.vehicle_type_id:
            raise UserError(self.env._("Choose the truck type for a trucking search."))
        if mode in ("air", "sea_lcl") and self.gross_weight <= 0:
            raise UserError(
                self.env._("Enter the gross weight: air and LCL prices depend on it.")
            )

    def action_search(self):
        self.ensure_one()
        self._show_options(OPTION_PAGE)
        self.searched = True
        return self._reopen()

    def action_show_more(self):
        """The next page of options: the search runs again (its criteria may have
        changed) and shows one page more of the cheapest."""
        self.ensure_one()
        self._show_options(len(self.option_ids) + OPTION_PAGE)
        return self._reopen()

    def _show_options(self, limit):
        """Price every valid rate, keep the ``limit`` cheapest as option records."""
        self._check_search_input()
        values, found = self._prepare_option_values(limit)
        # one create for the page's options (a search on a busy lane finds hundreds
        # of rates: creating them all cost seconds); their charges are created when
        # an option is opened or chosen (freight.rate.option._create_charges)
        self.option_ids = [Command.clear()] + [Command.create(vals) for vals in values]
        self.option_count = found

    def _search_lane_lines(self):
        """The prices of the lane searched (PriceCard, one per rate), and whether
        they are only its neighbours' (other ports of the same port groups, when the
        ports searched have none). A port group searches all its ports at once."""
        origins, origin_neighbours = self.origin_location_id._get_lane_ports()
        destinations, destination_neighbours = (
            self.destination_location_id._get_lane_ports()
        )
        cards = self.env["freight.rate.line"]._fetch_price_cards(
            origins | origin_neighbours,
            destinations | destination_neighbours,
            self.freight_mode,
            self.shipment_date,
            self.company_id,
        )
        own = [
            card
            for card in cards
            if card.origin_id in origins.ids and card.destination_id in destinations.ids
        ]
        return (own, False) if own or not cards else (cards, True)

    def _prepare_option_values(self, limit=None):
        """The values of the ``limit`` cheapest options (all by default), and how
        many rates can carry the shipment. Every rate is priced and its totals
        compared on plain values; only the options shown are prepared as records'
        values."""
        cards, neighbours = self._search_lane_lines()
        rates = self.env["freight.rate"].browse([card.rate_id for card in cards])
        # sudo: salespeople may not read the markups (with the floor they give the
        # cost back); the rates, and so their companies, are ones the user may read
        markups = (
            self.env["freight.rate.markup"]
            .sudo()
            ._get_markups_for_keys(
                {card.scope_key for card in cards},
                self.shipment_date,
                self._get_customer(),
            )
        )
        from_floor = self._quotes_from_floor()
        charge_costs = self._get_charge_costs(cards=cards)
        priced = []
        without_floor = False
        for card, rate, charges in zip(
            cards,
            rates,
            self.env["freight.rate"]._price_cards(self, cards),
            strict=True,
        ):
            markup = markups.get(card.scope_key)
            if from_floor and not markup:
                without_floor = True
                continue
            if charges:
                percent = markup.markup_percent if markup else 0.0
                costs = [charge_costs(charge, percent) for charge in charges]
                total = sum(
                    cost["floor" if from_floor else "cost_converted"] for cost in costs
                )
                priced.append((total, len(priced), rate, charges, markup))
        if without_floor and not priced:
            raise UserError(self._no_floor_message())
        priced.sort(key=lambda option: option[:2])
        options = []
        for sequence, (_total, _index, rate, charges, markup) in enumerate(
            priced[:limit], start=1
        ):
            option = self._prepare_option(rate, charges, markup)
            option["is_neighbour_port"] = neighbours
            option["sequence"] = sequence
            options.append(option)
        return options, len(priced)

    def _get_customer(self):
        """The customer the search prices for, when it has one."""
        return (
            self.order_id.partner_id or self.inquiry_id.partner_id
        ).commercial_partner_id

    def _quotes_from_floor(self):
        """Users who may not see buy costs quote from Pricing's sell floor."""
        return not self.env.user.has_group(COST_GROUP)

    def _no_floor_message(self):
        mode = dict(self._fields["freight_mode"]._description_selection(self.env))
        return self.env._(
            "Pricing has published no sell floor for %(mode)s rates on this lane yet: "
            "send them a service inquiry for this shipment.",
            mode=mode[self.freight_mode],
        )

    def _prepare_option(self, rate, charges, markup=None):
        """``charges``: the rate's PricedCharge list for this shipment (from
        ``_price_cards``); ``markup``: the rate's sell floor markup (a
        ``freight.rate.markup``, as superuser), if Pricing set one."""
        from_floor = self._quotes_from_floor()
        charge_costs = self._get_charge_costs(charges=charges)
        percent = markup.markup_percent if markup else 0.0
        charge_values = []
        for charge in charges:
            costs = charge_costs(charge, percent)
            unit_floor = costs["unit_floor"]
            unit_sell = self._sell_unit_price(
                unit_floor if from_floor else costs["unit_cost"], charge
            )
            charge_values.append(
                {
                    "charge_type_id": charge.charge_type.id,
                    "name": charge.name,
                    "quantity": charge.quantity,
                    "unit_price": charge.unit_price,
                    "charge_currency_id": charge.currency.id,
                    **costs,
                    "unit_sell": unit_sell,
                    "sell": self.currency_id.round(unit_sell * charge.quantity),
                    "is_freight": charge.is_freight,
                    "basis": charge.basis,
                }
            )
        return {
            "rate_id": rate.id,
            "total_cost": sum(value["cost_converted"] for value in charge_values),
            "total_floor": sum(value["floor"] for value in charge_values),
            "total_sell": sum(value["sell"] for value in charge_values),
            "charge_values": charge_values,
        }

    def _get_charge_costs(self, cards=(), charges=()):
        """A function giving the cost and floor values of a PricedCharge in the
        quote currency, for a markup percentage (0 without a markup), for the
        currencies of ``cards`` (PriceCard) or ``charges``: Odoo's ``_convert``
        arithmetic (the cost rounded in its currency, converted at the shipment
        date's rate, rounded in the quote currency) with each currency's rate and
        rounding read once instead of once per charge. The search compares options
        on these values before it prepares the options shown."""
        currencies = self.env["res.currency"].browse(
            {card.currency_id for card in cards}
            | {surcharge[3] for card in cards for surcharge in card.surcharges}
            | {charge.currency.id for charge in charges}
        )
        target = self.currency_id
        rates = {
            currency.id: (
                currency._get_conversion_rate(
                    currency, target, self.company_id, self.shipment_date
                ),
                currency.rounding,
            )
            for currency in currencies
        }
        step = target.rounding
        # a busy lane's rates share many surcharges: each figure is rounded once
        known = {}

        def charge_costs(charge, markup_percent):
            key = (charge.currency.id, charge.amount, charge.quantity, markup_percent)
            if key not in known:
                known[key] = compute_costs(charge, markup_percent)
            return known[key]

        def compute_costs(charge, markup_percent):
            rate, rounding = rates[charge.currency.id]
            cost = float_round(charge.amount, precision_rounding=rounding)
            converted = (
                float_round(cost * rate, precision_rounding=step) if cost else 0.0
            )
            unit_cost = converted / charge.quantity
            unit_floor = (
                unit_cost * (1 + markup_percent / 100) if markup_percent else 0.0
            )
            return {
                "cost": cost,
                "unit_cost": unit_cost,
                "cost_converted": converted,
                "unit_floor": unit_floor,
                "floor": float_round(
                    unit_floor * charge.quantity, precision_rounding=step
                ),
            }

        return charge_costs

    def _sell_unit_price(self, unit_base, charge):
        """The sell price of ``charge`` (a PricedCharge) on ``unit_base``: the
        floor, or the cost for users who see buy rates, rounded up to the step of
        the charge's basis so that the margin asked stays the margin quoted within
        that step."""
        if self.margin_type == "percent":
            price = unit_base * (1 + self.margin_value / 100)
        else:
            price = unit_base + (self.margin_value if charge.is_freight else 0.0)
        step = (
            self.sell_rounding_weight
            if charge.basis in WEIGHT_BASES
            else self.sell_rounding
        )
        if step:
            return float_round(price, precision_rounding=step, rounding_method="UP")
        return price

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
