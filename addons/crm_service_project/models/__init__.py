from . import crm_service_contract
from . import helpdesk_ticket
from . import project_task
