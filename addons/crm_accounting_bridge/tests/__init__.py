from . import test_aging_report
from . import test_credit_control
from . import test_crm_read_access
from . import test_debt_panel
from . import test_receivable_reminders
from . import test_sales_figures
from . import test_timeline
from . import test_translations
