from . import crm_credit_exception_wizard
from . import crm_receivable_aging_wizard
from . import crm_collection_export_wizard
