from . import crm_credit_exception_wizard
