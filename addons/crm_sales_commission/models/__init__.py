from . import commission
from . import commission_section
from . import account_invoice_line_agent
from . import account_move
from . import commission_settlement
from . import commission_settlement_line
from . import crm_sales_target
