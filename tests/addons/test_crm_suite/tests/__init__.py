from . import test_freight_request_mixin
from . import test_crm_deadline_reminder_mixin
from . import test_audience_mixin
from . import test_crm_customer_xlsx_export
from . import test_crm_period_target_mixin
