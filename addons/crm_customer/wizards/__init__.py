from . import crm_customer_assign_wizard
