{
    "name": "CRM Sales Commission - Freight",
    "summary": "Lane exclusions on commission plans: orders on an excluded "
    "origin/destination lane earn no commission",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_sales_commission", "crm_freight_pricing"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_sales_commission_freight_security.xml",
        "views/commission_views.xml",
    ],
    "demo": ["demo/commission_demo.xml"],
    "auto_install": True,
}
