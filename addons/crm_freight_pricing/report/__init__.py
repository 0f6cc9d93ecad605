from . import freight_quotation_report
from . import freight_profit_report
from . import sale_report
from . import crm_sales_target_report
