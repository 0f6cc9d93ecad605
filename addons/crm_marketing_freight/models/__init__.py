from . import utm_campaign
from . import crm_customer_interaction
from . import crm_market_intelligence
from . import freight_rate_markup
