from .freight_cargo import (
    DEFAULT_VOLUME_FACTORS,
    FREIGHT_MODES,
    air_freight,
    chargeable_weight,
    revenue_tons,
)
from .price_card import PriceCard
from .priced_charge import PricedCharge
from . import rate_cards, rate_sheet
