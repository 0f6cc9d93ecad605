from . import crm_marketing_channel
from . import crm_marketing_cost
from . import crm_marketing_plan
from . import utm_campaign
from . import res_partner
