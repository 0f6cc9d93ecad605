from . import sale_order_revision_wizard
from . import sale_order_revision_compare
from . import sale_order_lost_wizard
