from . import test_crm_suite_request
from . import test_crm_suite_reminder
from . import test_crm_suite_audience
from . import test_crm_xlsx_export
from . import test_crm_suite_period_target
