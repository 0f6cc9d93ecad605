from . import test_crm_customer_xlsx_export
