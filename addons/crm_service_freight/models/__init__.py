from . import res_company
from . import res_config_settings
from . import freight_booking_request
from . import helpdesk_ticket
