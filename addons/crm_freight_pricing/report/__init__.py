from . import freight_quotation_report
from . import freight_profit_report
