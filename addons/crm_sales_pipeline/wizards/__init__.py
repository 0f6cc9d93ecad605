from . import sale_order_revision_wizard
from . import sale_order_revision_compare
