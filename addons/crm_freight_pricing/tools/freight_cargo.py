"""Chargeable quantities and air weight breaks, as DOMAIN.md defines them.

Plain functions of numbers, so the rules are tested and reused without a database.
"""

import math

# Kilograms one cubic metre counts for, per mode (air: L x W x H cm / 6000).
DEFAULT_VOLUME_FACTORS = {
    "air": 1_000_000 / 6000,
    "sea_lcl": 1000.0,
    "truck": 333.0,
    "sea_fcl": 0.0,
}


def _round_up(value, step):
    # round() first: 0.1 + 0.2 style noise must not push a whole step up
    return math.ceil(round(value / step, 6)) * step


def chargeable_weight(gross_weight, volume, volume_factor, step=0.5):
    """The greater of gross and volume weight, rounded up to ``step`` kg."""
    return _round_up(max(gross_weight, volume * volume_factor), step)


def revenue_tons(gross_weight, volume, kg_per_cbm=1000.0):
    """Sea LCL revenue tons (W/M): the greater of tonnes and cubic metres."""
    return round(max(gross_weight / kg_per_cbm, volume), 3)


def air_freight(weight, breaks, minimum=0.0):
    """Air freight for ``weight`` kg under rate classes M, N and quantity breaks.

    ``breaks`` are ``(threshold_kg, price_per_kg)`` pairs, N having threshold 0.
    Returns ``(amount, threshold, billed_weight)``: the break applied and the weight
    billed, which is the next break's threshold when that is cheaper (break-point),
    or ``(minimum, None, weight)`` when the minimum charge M applies.
    """
    options = []
    applicable = [brk for brk in breaks if brk[0] <= weight]
    if applicable:
        threshold, price = max(applicable)
        options.append((price * weight, threshold, weight))
    options += [
        (price * threshold, threshold, threshold)
        for threshold, price in breaks
        if threshold > weight
    ]
    if not options:
        return None
    amount, threshold, billed = min(options)
    if amount < minimum:
        return minimum, None, weight
    return amount, threshold, billed


FREIGHT_MODES = [
    ("sea_fcl", "Sea FCL"),
    ("sea_lcl", "Sea LCL"),
    ("air", "Air"),
    ("truck", "Trucking"),
]
