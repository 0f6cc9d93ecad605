from . import crm_customer_timeline
from . import crm_receivable_aging_report
from . import crm_collection_report
