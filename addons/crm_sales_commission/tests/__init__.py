from . import test_commission_access
from . import test_commission_plan_checks
from . import test_commission_settlement
from . import test_commission_bonus_exclusion
from . import test_commission_payroll_export
from . import test_commission_target
from . import test_commission_performance
from . import test_commission_tour
