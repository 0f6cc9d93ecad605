{
    "name": "CRM Customer File",
    "summary": "Customer file: classifications, profile, contacts, interactions",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "LGPL-3",
    "depends": ["contacts", "mail", "product", "sales_team"],
    "data": [
        "views/res_partner_views.xml",
        "views/crm_customer_menus.xml",
    ],
    "application": True,
}
