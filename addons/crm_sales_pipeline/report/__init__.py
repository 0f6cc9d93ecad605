from . import sale_report
from . import crm_sales_success_report
from . import crm_sales_target_report
from . import crm_sales_activity_report
