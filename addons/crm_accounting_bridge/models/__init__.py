from . import crm_customer_figures_mixin
from . import crm_customer_group_figures_mixin
from . import account_move
from . import payment_transaction
from . import res_company
from . import res_config_settings
from . import res_partner
from . import sale_order
