from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, create_index

from ..tools import PriceCard


class FreightRateLine(models.Model):
    """One buy price of a rate card: per container type (FCL), per W/M (LCL), per kg
    from a weight break (air) or per trip of a truck type (trucking).

    The card's lane, validity and state are stored here too, so that a rate search is
    one indexed query over lines, and so the database itself refuses overlaps."""

    _name = "freight.rate.line"
    _description = "Buy Rate Price"
    _order = "rate_id, container_type_id, vehicle_type_id, weight_break"
    _check_company_auto = True

    rate_id = fields.Many2one(
        "freight.rate", required=True, ondelete="cascade", index=True
    )
    container_type_id = fields.Many2one("freight.container.type", ondelete="restrict")
    vehicle_type_id = fields.Many2one(
        "freight.vehicle.type", string="Truck Type", ondelete="restrict"
    )
    weight_break = fields.Float(
        string="From (kg)",
        default=0.0,
        help="Air: the quantity break this price applies from; 0 is rate class N "
        "(normal, under 45 kg), then 45, 100, 300, 500, 1000.",
    )
    price = fields.Monetary(
        string="Buy Price",
        required=True,
        groups="crm_freight_pricing.group_freight_cost",
        help="Per container (FCL), per W/M (LCL), per kg (air) or per trip (trucking).",
    )
    currency_id = fields.Many2one(related="rate_id.currency_id")
    # the card's fields, stored for the search index and the exclusion constraint
    carrier_id = fields.Many2one(related="rate_id.carrier_id", store=True)
    freight_mode = fields.Selection(related="rate_id.freight_mode", store=True)
    origin_id = fields.Many2one(related="rate_id.origin_id", store=True)
    destination_id = fields.Many2one(related="rate_id.destination_id", store=True)
    via_id = fields.Many2one(related="rate_id.via_id", store=True)
    date_from = fields.Date(related="rate_id.date_from", store=True)
    date_to = fields.Date(related="rate_id.date_to", store=True)
    state = fields.Selection(related="rate_id.state", store=True)
    company_id = fields.Many2one(related="rate_id.company_id", store=True)

    _sql_constraints = [
        ("price_positive", "CHECK (price >= 0)", "A buy price cannot be negative."),
        (
            "weight_break_positive",
            "CHECK (weight_break >= 0)",
            "A weight break cannot be negative.",
        ),
        (
            "active_rates_no_overlap",
            (
                "EXCLUDE USING gist (company_id WITH =, carrier_id WITH =, "
                "freight_mode WITH =, origin_id WITH =, destination_id WITH =, "
                "COALESCE(via_id, 0) WITH =, COALESCE(container_type_id, 0) WITH =, "
                "COALESCE(vehicle_type_id, 0) WITH =, weight_break WITH =, "
                "daterange(date_from, date_to, '[]') WITH &&) WHERE (state = 'active')"
            ),
            (
                "One carrier cannot have two active rates for the same lane, mode and "
                "equipment at the same time."
            ),
        ),
    ]

    def init(self):
        # The no-overlap constraint compares ids and date ranges in one GiST index;
        # btree_gist is a trusted extension (PostgreSQL >= 13): no superuser needed.
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        # the rate search: lane and mode first, then the shipment date within validity
        create_index(
            self.env.cr,
            "freight_rate_line_search_index",
            self._table,
            ["origin_id", "destination_id", "freight_mode", "date_from", "date_to"],
            where="state = 'active'",
        )

    @api.constrains("container_type_id", "vehicle_type_id", "weight_break", "rate_id")
    def _check_equipment(self):
        for line in self:
            mode = line.rate_id.freight_mode
            if mode == "sea_fcl" and not line.container_type_id:
                raise ValidationError(
                    self.env._("An FCL price needs a container type.")
                )
            if mode == "truck" and not line.vehicle_type_id:
                raise ValidationError(
                    self.env._("A trucking price needs a truck type.")
                )
            siblings = line.rate_id.line_ids - line
            if line._equipment_key() in siblings.mapped(
                lambda other: other._equipment_key()
            ):
                raise ValidationError(
                    self.env._(
                        "Rate %(rate)s has two prices for the same equipment or "
                        "weight break.",
                        rate=line.rate_id.display_name,
                    )
                )

    def _equipment_key(self):
        return (self.container_type_id.id, self.vehicle_type_id.id, self.weight_break)

    @api.model
    def _search_valid_lines(
        self, origins, destinations, freight_mode, shipment_date, company=None
    ):
        """Active prices for a lane, mode and date, with their cards: two queries.
        ``origins`` and ``destinations`` are one location each or several (the ports
        of a port group). Only lines the user may find are priced: the company is
        ``company`` (the current one by default) filtered by the user's own rules."""
        readable = self._search(
            self._get_lane_domain(
                origins, destinations, freight_mode, shipment_date, company
            )
        )
        # sudo: salespeople without the cost group are quoted from buy prices they may
        # not read; which lines is decided above by their own search and rules
        lines = self.sudo().search_fetch(
            [("id", "in", readable)],
            [
                "rate_id",
                "origin_id",
                "destination_id",
                "container_type_id",
                "vehicle_type_id",
                "weight_break",
                "price",
            ],
        )
        lines.rate_id.fetch(
            [
                "name",
                "carrier_id",
                "currency_id",
                "date_from",
                "date_to",
                "transit_days",
                "free_days",
                "minimum_amount",
                "volume_factor",
                "freight_charge_type_id",
                "via_id",
                "origin_id",
                "destination_id",
            ]
        )
        return lines.sudo(False)

    @api.model
    def _fetch_price_cards(
        self, origins, destinations, freight_mode, shipment_date, company=None
    ):
        """The lines ``_search_valid_lines`` finds, with their rates and surcharges,
        as plain values: a list of PriceCard, one per rate, in one query. Only lines
        the user may find are read (the user's own search, record rules included, is
        the query's filter); their prices are read whatever the user's field groups,
        as salespeople without the cost group are quoted from them."""
        readable = self._search(
            self._get_lane_domain(
                origins, destinations, freight_mode, shipment_date, company
            )
        )
        self.flush_model(["rate_id", "container_type_id", "vehicle_type_id"])
        self.flush_model(["weight_break", "price"])
        self.env["freight.rate"].flush_model(
            ["origin_id", "destination_id", "freight_mode", "currency_id"]
            + ["minimum_amount", "volume_factor", "freight_charge_type_id"]
            + ["company_id", "carrier_id"]
        )
        self.env["freight.rate.surcharge"].flush_model(
            ["rate_id", "sequence", "charge_type_id", "basis", "amount"]
            + ["currency_id", "container_type_id"]
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT rate.id, rate.origin_id, rate.destination_id, rate.freight_mode,
                       rate.currency_id, COALESCE(rate.minimum_amount, 0)::float8,
                       COALESCE(rate.volume_factor, 0)::float8,
                       rate.freight_charge_type_id, rate.company_id, rate.carrier_id,
                       json_agg(json_build_array(line.container_type_id,
                                line.vehicle_type_id, line.weight_break::float8,
                                line.price::float8)
                                ORDER BY line.weight_break, line.id),
                       (SELECT json_agg(json_build_array(surcharge.charge_type_id,
                                       surcharge.basis, surcharge.amount::float8,
                                       surcharge.currency_id,
                                       surcharge.container_type_id)
                                       ORDER BY surcharge.sequence, surcharge.id)
                          FROM freight_rate_surcharge surcharge
                         WHERE surcharge.rate_id = rate.id)
                  FROM freight_rate_line line
                  JOIN freight_rate rate ON rate.id = line.rate_id
                 WHERE line.id IN %s
              GROUP BY rate.id
              ORDER BY rate.date_from DESC, rate.id DESC
                """,
                readable.subselect(),
            )
        )
        return [
            PriceCard(
                *row[:10],
                lines=tuple(
                    (ctype, vtype, float(weight_break), float(price))
                    for ctype, vtype, weight_break, price in row[10]
                ),
                surcharges=tuple(
                    (charge_type, basis, float(amount), currency, ctype)
                    for charge_type, basis, amount, currency, ctype in row[11] or ()
                ),
            )
            for row in rows
        ]

    @api.model
    def _get_lane_domain(
        self, origins, destinations, freight_mode, shipment_date, company=None
    ):
        """The lane query of the rate search (``_search_valid_lines``), the one its
        index and the tests' EXPLAIN are about."""
        return [
            ("origin_id", "in", origins.ids),
            ("destination_id", "in", destinations.ids),
            ("freight_mode", "=", freight_mode),
            ("date_from", "<=", shipment_date),
            ("date_to", ">=", shipment_date),
            ("state", "=", "active"),
            ("company_id", "=", (company or self.env.company).id),
        ]
