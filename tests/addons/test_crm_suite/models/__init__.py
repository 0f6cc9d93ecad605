from . import test_crm_suite_request
from . import test_crm_suite_reminder
from . import test_crm_suite_audience
