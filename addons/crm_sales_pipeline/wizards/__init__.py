from . import crm_revision_wizard
from . import sale_order_revision_compare
from . import sale_order_lost_wizard
from . import crm_customer_reassign_wizard
from . import crm_customer_export_wizard
from . import sale_report_export_wizard
from . import mail_compose_message
