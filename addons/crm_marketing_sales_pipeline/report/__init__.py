from . import crm_marketing_market_report
