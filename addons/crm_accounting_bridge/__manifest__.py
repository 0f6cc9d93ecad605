{
    "name": "CRM Accounting Bridge",
    "summary": "Receivables, overdue and credit control on the customer",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_customer", "account", "sale"],
    "data": [
        "security/crm_accounting_bridge_security.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "views/crm_accounting_bridge_menus.xml",
    ],
    "demo": ["demo/account_move_demo.xml"],
}
