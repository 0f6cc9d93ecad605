from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date, formatLang

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class FreightRateOption(models.TransientModel):
    """One carrier's answer to a rate search, priced for the searched cargo."""

    _name = "freight.rate.option"
    _description = "Rate Search Option"
    _order = "sequence, id"
    _check_company_auto = True

    search_id = fields.Many2one(
        "freight.rate.search", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    company_id = fields.Many2one(related="search_id.company_id")
    rate_id = fields.Many2one(
        "freight.rate", required=True, ondelete="cascade", check_company=True
    )
    carrier_id = fields.Many2one(related="rate_id.carrier_id")
    # the rate's own ports: a port group's search lists the rates of all its ports
    origin_id = fields.Many2one(related="rate_id.origin_id", string="From")
    destination_id = fields.Many2one(related="rate_id.destination_id", string="To")
    is_neighbour_port = fields.Boolean(
        string="Neighbouring Port",
        help="The rate of another port of the same port group: the port searched "
        "has none.",
    )
    via_id = fields.Many2one(related="rate_id.via_id")
    transit_days = fields.Integer(related="rate_id.transit_days")
    free_days = fields.Integer(related="rate_id.free_days")
    date_to = fields.Date(related="rate_id.date_to", string="Valid Until")
    currency_id = fields.Many2one(related="search_id.currency_id")
    total_cost = fields.Monetary(string="Cost", groups=COST_GROUP)
    total_floor = fields.Monetary(
        string="Sell Floor",
        help="The lowest sell price Pricing publishes for this rate: the cost plus "
        "Pricing's markup. Empty when Pricing set no markup for it.",
    )
    total_sell = fields.Monetary(string="Sell")
    margin = fields.Monetary(compute="_compute_margin", groups=COST_GROUP)
    margin_percent = fields.Float(
        string="Margin (%)", compute="_compute_margin", groups=COST_GROUP
    )
    charge_ids = fields.One2many(
        "freight.rate.option.charge", "option_id", string="Charges"
    )
    # the charges as the search priced them, until they are created as records when
    # the option is opened or chosen (_create_charges): a page of options is shown
    # in a fraction of the time creating all their charges took
    charge_values = fields.Json(string="Priced Charges", groups=COST_GROUP)

    @api.depends("total_cost", "total_sell")
    def _compute_margin(self):
        for option in self:
            option.margin = option.total_sell - option.total_cost
            option.margin_percent = (
                option.total_sell and option.margin / option.total_sell * 100
            )

    def web_read(self, specification):
        # the client reads an option's charges when it opens the option
        if "charge_ids" in specification:
            self._create_charges()
        return super().web_read(specification)

    def action_add_to_order(self):
        """Write the shipment and one quotation line per charge onto the quotation."""
        self.ensure_one()
        search = self.search_id
        order = search.order_id
        if search.inquiry_id:
            order = search.inquiry_id._get_quotation()
        if not order:
            raise UserError(
                self.env._("Open the rate search from a quotation to add rates to it.")
            )
        if order.state not in ("draft", "sent"):
            raise UserError(
                self.env._("Rates can only be added to a quotation, not to an order.")
            )
        order.write(self._prepare_order_values(order))
        if search.inquiry_id:
            search.inquiry_id._mark_quoted()
            return search.inquiry_id.action_view_quotation()
        return {"type": "ir.actions.act_window_close"}

    def _create_charges(self):
        """Create the charges of these options that the search priced and that are
        not records yet: one create for all of them."""
        self.check_access("write")
        # sudo: the priced charges hold buy costs salespeople may not read (the
        # charges created keep them in fields of the cost group); only these
        # options, the user's own (wizard owner rules), are read and written
        pending = self.sudo().filtered("charge_values")
        if not pending:
            return
        self.env["freight.rate.option.charge"].create(
            [
                {**values, "option_id": option.id}
                for option in pending
                for values in option.charge_values
            ]
        )
        pending.charge_values = False

    def _prepare_order_values(self, order):
        """What adding this option writes on the quotation ``order``."""
        values = self.search_id._get_shipment_values()
        # the quotation ships from and to the rate's ports, not a port group's name
        values["origin_location_id"] = self.origin_id.id
        values["destination_location_id"] = self.destination_id.id
        values["container_line_ids"] = [Command.clear()] + values["container_line_ids"]
        values["order_line"] = [
            Command.create(values) for values in self._prepare_order_line_values()
        ]
        return values

    def _prepare_order_line_values(self):
        self._create_charges()
        note = self._conversion_note()
        priced_at = fields.Datetime.now()
        # sudo: the line's true cost (sale_margin's purchase_price, itself restricted
        # to the cost group) comes from the charges' costs salespeople may not read;
        # margins and approval then work on it while they still cannot read it
        unit_costs = self.charge_ids.sudo().mapped("unit_cost")
        lines = [
            {
                "product_id": charge.charge_type_id.product_id.id,
                "name": charge.name,
                "product_uom_qty": charge.quantity,
                "price_unit": charge.unit_sell,
                "freight_floor_price": charge.unit_floor,
                "purchase_price": unit_costs[index],
                "freight_rate_id": self.rate_id.id,
                "freight_charge_type_id": charge.charge_type_id.id,
                "freight_charge_basis": charge.basis,
                "freight_priced_at": priced_at,
                "sequence": 100 + index,
            }
            for index, charge in enumerate(self.charge_ids)
        ]
        if note:
            lines.append(
                {
                    "display_type": "line_note",
                    "name": note,
                    "sequence": 100 + len(lines),
                }
            )
        return lines

    def _conversion_note(self):
        target = self.currency_id
        search = self.search_id
        rates = [
            self._format_conversion_rate(
                currency,
                target,
                currency._get_conversion_rate(
                    currency, target, search.company_id, search.shipment_date
                ),
            )
            for currency in self.charge_ids.charge_currency_id - target
        ]
        if not rates:
            return ""
        return self.env._(
            "%(carrier)s rate %(rate)s converted on %(date)s: %(rates)s",
            carrier=self.carrier_id.name,
            rate=self.rate_id.name,
            date=format_date(self.env, search.shipment_date),
            rates=", ".join(rates),
        )

    def _format_conversion_rate(self, currency, target, rate):
        """``rate`` (``target`` per unit of ``currency``) as people quote it: one
        unit of the stronger currency in the other, "1 USD = 25,500 VND", in the
        user's number format."""
        strong, weak = currency, target
        if rate and rate < 1:
            strong, weak, rate = target, currency, 1 / rate
        # large amounts read in the weak currency's own units, small ones (1 EUR =
        # 1.0850 USD) with the four decimals exchange rates are quoted in
        digits = weak.decimal_places if rate >= 1000 else max(weak.decimal_places, 4)
        amount = formatLang(self.env, rate, digits=digits)
        return f"1 {strong.name} = {amount} {weak.name}"
