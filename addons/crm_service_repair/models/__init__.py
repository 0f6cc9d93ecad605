from . import helpdesk_ticket
from . import repair_order
from . import stock_picking
