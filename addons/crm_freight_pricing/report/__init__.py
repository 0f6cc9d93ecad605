from . import freight_quotation_report
