from . import crm_lead
from . import sale_order
from . import sale_order_line
from . import sale_order_send_log
from . import crm_customer_timeline
from . import ir_actions_report
from . import res_company
from . import res_config_settings
