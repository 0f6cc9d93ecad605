from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from ..models.res_company import WEIGHT_BASES

COST_GROUP = "crm_freight_pricing.group_freight_cost"


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
        self._check_search_input()
        self.option_ids = [Command.clear()] + [
            Command.create(values) for values in self._prepare_option_values()
        ]
        self.searched = True
        return self._reopen()

    def _search_lane_lines(self):
        """The prices of the lane searched, and whether they are only its
        neighbours' (other ports of the same port groups, when the ports searched
        have none). A port group searches all its ports at once."""
        origins, origin_neighbours = self.origin_location_id._get_lane_ports()
        destinations, destination_neighbours = (
            self.destination_location_id._get_lane_ports()
        )
        lines = self.env["freight.rate.line"]._search_valid_lines(
            origins | origin_neighbours,
            destinations | destination_neighbours,
            self.freight_mode,
            self.shipment_date,
            self.company_id,
        )
        own = lines.filtered(
            lambda line: (
                line.origin_id in origins and line.destination_id in destinations
            )
        )
        return (own, False) if own or not lines else (lines, True)

    def _prepare_option_values(self):
        lines, neighbours = self._search_lane_lines()
        # sudo: salespeople may not read the markups (with the floor they give the
        # cost back); the rates, and so their companies, are ones the user may read
        markups = (
            self.env["freight.rate.markup"]
            .sudo()
            ._get_markups(lines.rate_id, self.shipment_date, self._get_customer())
        )
        from_floor = self._quotes_from_floor()
        options = []
        without_floor = False
        for rate, rate_lines in lines.grouped("rate_id").items():
            markup = markups.get(rate)
            if from_floor and not markup:
                without_floor = True
                continue
            # sudo: salespeople without the cost group are quoted from buy prices and
            # surcharges they may not read themselves
            charges = rate.sudo()._price_shipment(self, rate_lines.sudo())
            if charges:
                option = self._prepare_option(rate, charges, markup)
                option["is_neighbour_port"] = neighbours
                options.append(option)
        if without_floor and not options:
            raise UserError(self._no_floor_message())
        base = "total_floor" if from_floor else "total_cost"
        options.sort(key=lambda option: option[base])
        for sequence, option in enumerate(options, start=1):
            option["sequence"] = sequence
        return options

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
        ``_price_shipment``); ``markup``: the rate's sell floor markup (a
        ``freight.rate.markup``, as superuser), if Pricing set one."""
        target = self.currency_id
        from_floor = self._quotes_from_floor()
        charge_values = []
        for charge in charges:
            cost = charge.currency.round(charge.amount)
            cost_converted = charge.currency._convert(
                cost, target, self.company_id, self.shipment_date
            )
            unit_cost = cost_converted / charge.quantity
            unit_floor = (
                unit_cost * (1 + markup.markup_percent / 100) if markup else 0.0
            )
            unit_sell = self._sell_unit_price(
                unit_floor if from_floor else unit_cost, charge
            )
            charge_values.append(
                {
                    "charge_type_id": charge.charge_type.id,
                    "name": charge.name,
                    "quantity": charge.quantity,
                    "unit_price": charge.unit_price,
                    "charge_currency_id": charge.currency.id,
                    "cost": cost,
                    "unit_cost": unit_cost,
                    "cost_converted": cost_converted,
                    "unit_floor": unit_floor,
                    "floor": target.round(unit_floor * charge.quantity),
                    "unit_sell": unit_sell,
                    "sell": target.round(unit_sell * charge.quantity),
                    "is_freight": charge.is_freight,
                    "basis": charge.basis,
                }
            )
        return {
            "rate_id": rate.id,
            "total_cost": sum(value["cost_converted"] for value in charge_values),
            "total_floor": sum(value["floor"] for value in charge_values),
            "total_sell": sum(value["sell"] for value in charge_values),
            "charge_ids": [Command.create(value) for value in charge_values],
        }

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
