from . import crm_customer_timeline
from . import crm_customer_classification_report
from . import crm_customer_prospect_list
