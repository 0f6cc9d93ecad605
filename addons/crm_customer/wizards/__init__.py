from . import crm_customer_assign_wizard
from . import crm_customer_export_wizard
