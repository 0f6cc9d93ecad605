from . import test_crm_xlsx_export
