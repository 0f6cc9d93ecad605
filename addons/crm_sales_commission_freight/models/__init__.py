from . import commission_excluded_lane
from . import commission
from . import account_invoice_line_agent
from . import commission_settlement_line
