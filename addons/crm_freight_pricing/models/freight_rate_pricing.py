from odoo import models

from ..tools import PricedCharge, air_freight, chargeable_weight, revenue_tons


class FreightRate(models.Model):
    """How a buy rate prices a shipment: its freight and surcharges, in the charges'
    own currencies, each with the basis its unit price is per."""

    _inherit = "freight.rate"

    def _price_shipment(self, shipment, lines):
        """Buy charges of this rate for ``shipment`` (a freight.shipment.mixin record),
        from its price ``lines`` found by the search: a list of PricedCharge in the
        charges' own currencies, each with the basis its unit price is per (a
        percentage surcharge is a lump sum per shipment), or an empty list when this
        rate cannot carry the shipment."""
        self.ensure_one()
        charges = self._price_freight(shipment, lines)
        if not charges:
            return []
        freight_amount = sum(charge.amount for charge in charges)
        for surcharge in self.surcharge_ids:
            quantity = self._surcharge_quantity(surcharge, shipment)
            if not quantity:
                continue
            if surcharge.basis == "percent":
                unit_price = self.currency_id.round(
                    freight_amount * surcharge.amount / 100
                )
                currency, basis = self.currency_id, "shipment"
            else:
                unit_price, currency = surcharge.amount, surcharge.currency_id
                basis = surcharge.basis
            charges.append(
                PricedCharge(
                    charge_type=surcharge.charge_type_id,
                    name=surcharge.charge_type_id.display_name,
                    quantity=quantity,
                    unit_price=unit_price,
                    currency=currency,
                    basis=basis,
                    is_freight=False,
                )
            )
        return charges

    def _price_freight(self, shipment, lines):
        """The freight charges proper: one per container type for FCL, else one."""
        charge_type = self.freight_charge_type_id
        name = charge_type.display_name

        def charge(quantity, unit_price, label=None, basis="shipment"):
            return PricedCharge(
                charge_type=charge_type,
                name=f"{name} {label}" if label else name,
                quantity=quantity,
                unit_price=unit_price,
                currency=self.currency_id,
                basis=basis,
                is_freight=True,
            )

        if self.freight_mode == "sea_fcl":
            prices = {line.container_type_id: line.price for line in lines}
            containers = shipment._get_container_quantities()
            if not containers or any(ctype not in prices for ctype in containers):
                return []
            return [
                charge(quantity, prices[ctype], ctype.name, "container")
                for ctype, quantity in containers.items()
            ]
        if self.freight_mode == "truck":
            line = lines.filtered(
                lambda line: line.vehicle_type_id == shipment.vehicle_type_id
            )
            if not line:
                return []
            return [
                charge(
                    shipment.trip_count or 1,
                    line.price,
                    line.vehicle_type_id.name,
                    "trip",
                )
            ]
        minimum_label = self.env._("(minimum)")
        if self.freight_mode == "sea_lcl":
            quantity = revenue_tons(
                shipment.gross_weight, shipment.cargo_volume, self._get_volume_factor()
            )
            unit_price = lines[:1].price
            if unit_price * quantity < self.minimum_amount:
                return [charge(1, self.minimum_amount, minimum_label)]
            return [charge(quantity, unit_price, "W/M", "wm")]
        weight = chargeable_weight(
            shipment.gross_weight, shipment.cargo_volume, self._get_volume_factor()
        )
        result = air_freight(
            weight,
            [(line.weight_break, line.price) for line in lines],
            self.minimum_amount,
        )
        if not result:
            return []
        amount, threshold, billed_weight = result
        if threshold is None:
            return [charge(1, amount, minimum_label)]
        return [
            charge(
                billed_weight,
                amount / billed_weight,
                f"+{threshold:g}" if threshold else "N",
                "kg",
            )
        ]

    def _surcharge_quantity(self, surcharge, shipment):
        basis = surcharge.basis
        mode = self.freight_mode
        if basis == "container":
            if mode != "sea_fcl":
                return 1
            return sum(
                quantity
                for ctype, quantity in shipment._get_container_quantities().items()
                if not surcharge.container_type_id
                or ctype == surcharge.container_type_id
            )
        if basis == "kg":
            if mode == "air":
                return chargeable_weight(
                    shipment.gross_weight,
                    shipment.cargo_volume,
                    self._get_volume_factor(),
                )
            return shipment.gross_weight
        if basis == "wm":
            return revenue_tons(shipment.gross_weight, shipment.cargo_volume)
        if basis == "trip":
            return shipment.trip_count or 1
        return 1
