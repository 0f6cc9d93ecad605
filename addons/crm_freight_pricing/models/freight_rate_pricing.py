from odoo import api, models

from ..tools import (
    DEFAULT_VOLUME_FACTORS,
    PricedCharge,
    air_freight,
    chargeable_weight,
    revenue_tons,
)


class FreightRate(models.Model):
    """How a buy rate prices a shipment: its freight and surcharges, in the charges'
    own currencies, each with the basis its unit price is per."""

    _inherit = "freight.rate"

    @api.model
    def _price_cards(self, shipment, cards):
        """Buy charges of each rate of ``cards`` (PriceCard, as the search read them)
        for ``shipment`` (a freight.shipment.mixin record): a list of PricedCharge per
        card in the charges' own currencies, each with the basis its unit price is per
        (a percentage surcharge is a lump sum per shipment), or an empty list when the
        rate cannot carry the shipment. The shipment, charge types and currencies are
        read once (two queries, whatever the number of cards); each card is then
        priced on plain values."""
        cargo = self._get_pricing_cargo(shipment, cards)
        return [self._price_card(card, cargo) for card in cards]

    @api.model
    def _get_pricing_cargo(self, shipment, cards):
        """What pricing ``cards`` for ``shipment`` reads besides the cards, once."""
        charge_types = self.env["freight.charge.type"].browse(
            {card.freight_charge_type_id for card in cards}
            | {surcharge[0] for card in cards for surcharge in card.surcharges}
        )
        currencies = self.env["res.currency"].browse(
            {card.currency_id for card in cards}
            | {surcharge[3] for card in cards for surcharge in card.surcharges}
        )
        return {
            "containers": [
                (ctype.id, ctype.name, quantity)
                for ctype, quantity in shipment._get_container_quantities().items()
            ],
            "vehicle_type": (
                shipment.vehicle_type_id.id,
                shipment.vehicle_type_id.name,
            ),
            "trips": shipment.trip_count or 1,
            "gross_weight": shipment.gross_weight,
            "volume": shipment.cargo_volume,
            "charge_types": {
                charge_type.id: charge_type for charge_type in charge_types
            },
            "names": {
                charge_type.id: charge_type.display_name for charge_type in charge_types
            },
            "currencies": {currency.id: currency for currency in currencies},
            "minimum_label": self.env._("(minimum)"),
        }

    @api.model
    def _price_card(self, card, cargo):
        charges = self._price_card_freight(card, cargo)
        if not charges:
            return []
        freight_amount = sum(charge.amount for charge in charges)
        rate_currency = cargo["currencies"][card.currency_id]
        for charge_type, basis, amount, currency, ctype in card.surcharges:
            quantity = self._surcharge_quantity(card, basis, ctype, cargo)
            if not quantity:
                continue
            if basis == "percent":
                unit_price = rate_currency.round(freight_amount * amount / 100)
                currency, basis = rate_currency, "shipment"
            else:
                unit_price, currency = amount, cargo["currencies"][currency]
            charges.append(
                PricedCharge(
                    charge_type=cargo["charge_types"][charge_type],
                    name=cargo["names"][charge_type],
                    quantity=quantity,
                    unit_price=unit_price,
                    currency=currency,
                    basis=basis,
                    is_freight=False,
                )
            )
        return charges

    @api.model
    def _price_card_freight(self, card, cargo):
        """The freight charges proper: one per container type for FCL, else one."""
        name = cargo["names"][card.freight_charge_type_id]

        def charge(quantity, unit_price, label=None, basis="shipment"):
            return PricedCharge(
                charge_type=cargo["charge_types"][card.freight_charge_type_id],
                name=f"{name} {label}" if label else name,
                quantity=quantity,
                unit_price=unit_price,
                currency=cargo["currencies"][card.currency_id],
                basis=basis,
                is_freight=True,
            )

        mode = card.freight_mode
        if mode == "sea_fcl":
            prices = {ctype: price for ctype, _vtype, _break, price in card.lines}
            containers = cargo["containers"]
            if not containers or any(ctype not in prices for ctype, *_ in containers):
                return []
            return [
                charge(quantity, prices[ctype], ctype_name, "container")
                for ctype, ctype_name, quantity in containers
            ]
        if mode == "truck":
            vehicle_type, vehicle_name = cargo["vehicle_type"]
            prices = [
                price for _c, vtype, _b, price in card.lines if vtype == vehicle_type
            ]
            if not prices:
                return []
            return [charge(cargo["trips"], prices[0], vehicle_name, "trip")]
        minimum = card.minimum_amount
        factor = self._card_volume_factor(card)
        if mode == "sea_lcl":
            quantity = revenue_tons(cargo["gross_weight"], cargo["volume"], factor)
            unit_price = card.lines[0][3] if card.lines else 0.0
            if unit_price * quantity < minimum:
                return [charge(1, minimum, cargo["minimum_label"])]
            return [charge(quantity, unit_price, "W/M", "wm")]
        weight = chargeable_weight(cargo["gross_weight"], cargo["volume"], factor)
        result = air_freight(
            weight,
            [(weight_break, price) for _c, _v, weight_break, price in card.lines],
            minimum,
        )
        if not result:
            return []
        amount, threshold, billed_weight = result
        if threshold is None:
            return [charge(1, amount, cargo["minimum_label"])]
        return [
            charge(
                billed_weight,
                amount / billed_weight,
                f"+{threshold:g}" if threshold else "N",
                "kg",
            )
        ]

    @api.model
    def _card_volume_factor(self, card):
        return card.volume_factor or DEFAULT_VOLUME_FACTORS[card.freight_mode]

    @api.model
    def _surcharge_quantity(self, card, basis, container_type, cargo):
        mode = card.freight_mode
        if basis == "container":
            if mode != "sea_fcl":
                return 1
            return sum(
                quantity
                for ctype, _name, quantity in cargo["containers"]
                if not container_type or ctype == container_type
            )
        if basis == "kg":
            if mode == "air":
                return chargeable_weight(
                    cargo["gross_weight"],
                    cargo["volume"],
                    self._card_volume_factor(card),
                )
            return cargo["gross_weight"]
        if basis == "wm":
            return revenue_tons(cargo["gross_weight"], cargo["volume"])
        if basis == "trip":
            return cargo["trips"]
        return 1
