from . import test_crm_suite_audience
