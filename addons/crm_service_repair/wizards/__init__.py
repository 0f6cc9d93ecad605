from . import crm_service_parts_wizard
from . import crm_service_parts_wizard_line
