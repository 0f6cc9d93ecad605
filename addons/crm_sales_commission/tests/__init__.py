from . import test_commission_access
from . import test_commission_plan_checks
from . import test_commission_settlement
