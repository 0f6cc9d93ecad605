from . import crm_marketing_report
from . import utm_campaign
from . import crm_marketing_plan
