from . import crm_service_goods
from . import crm_service_contract
from . import helpdesk_ticket
from . import product_template
from . import res_partner
from . import stock_move
