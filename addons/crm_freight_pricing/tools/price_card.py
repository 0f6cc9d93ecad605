"""A rate's prices for one search as plain values: what the rate search prices from."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PriceCard:
    """One buy rate with the price lines a search found and its surcharges, read in
    one query (``freight.rate.line._fetch_price_cards``) instead of as records, so
    that pricing hundreds of rates costs no ORM work per rate.

    ``lines`` are ``(container_type_id, vehicle_type_id, weight_break, price)``
    tuples ordered by weight break; ``surcharges`` are ``(charge_type_id, basis,
    amount, currency_id, container_type_id)`` tuples in the rate's order. Ids are
    integers (``None`` when empty), amounts floats.
    """

    rate_id: int
    origin_id: int
    destination_id: int
    freight_mode: str
    currency_id: int
    minimum_amount: float
    volume_factor: float
    freight_charge_type_id: int
    company_id: int
    carrier_id: int
    lines: tuple
    surcharges: tuple

    @property
    def scope_key(self):
        """The rate's (company, mode, origin, destination, carrier) ids, as a
        markup's scope names them (``freight.rate.markup._get_markups_for_keys``)."""
        return (
            self.company_id,
            self.freight_mode,
            self.origin_id,
            self.destination_id,
            self.carrier_id,
        )
