from . import utm_campaign
from . import crm_customer_interaction
