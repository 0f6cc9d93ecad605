from . import commission_make_settle
from . import commission_payroll_export
