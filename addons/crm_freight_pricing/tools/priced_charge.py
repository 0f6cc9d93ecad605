"""A buy charge priced for one shipment: what a rate's pricing hands the rate search."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PricedCharge:
    """One charge of a buy rate for a shipment, in the charge's own currency.

    ``charge_type`` and ``currency`` are records (freight.charge.type, res.currency);
    ``basis`` is what ``unit_price`` is per (container, kg, wm, trip, shipment: a
    percentage surcharge is priced as a lump sum per shipment); ``is_freight`` tells
    the freight proper from its surcharges (a flat margin applies to freight only).
    """

    charge_type: Any
    name: str
    quantity: float
    unit_price: float
    currency: Any
    basis: str
    is_freight: bool

    @property
    def amount(self):
        """Quantity times unit price, unrounded (the caller rounds in ``currency``)."""
        return self.quantity * self.unit_price
