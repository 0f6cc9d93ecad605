from . import crm_service_sla
from . import crm_service_contract
from . import crm_service_article
from . import crm_service_defect_type
from . import helpdesk_ticket_category
from . import helpdesk_ticket_team
from . import helpdesk_ticket
from . import res_users
