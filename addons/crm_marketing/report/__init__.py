from . import crm_marketing_report
