from . import crm_customer_xlsx_export
from . import crm_customer_xlsx_query_export
from . import crm_customer_period_export
from . import crm_customer_assign_wizard
from . import crm_customer_export_wizard
from . import crm_customer_interaction_export_wizard
