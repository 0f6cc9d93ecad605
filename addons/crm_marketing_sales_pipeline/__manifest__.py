{
    "name": "CRM Marketing - Sales Pipeline",
    "summary": "What campaigns and market plans brought in quotations, won orders and "
    "gross profit",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_marketing", "crm_sales_pipeline"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_marketing_sales_pipeline_security.xml",
        "report/crm_marketing_market_report_views.xml",
        "views/utm_campaign_views.xml",
        "views/crm_marketing_plan_views.xml",
    ],
    "demo": ["demo/crm_lead_demo.xml"],
    "auto_install": True,
}
