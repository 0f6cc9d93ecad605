from . import crm_marketing_report
from . import crm_marketing_classification_report
from . import crm_customer_timeline
