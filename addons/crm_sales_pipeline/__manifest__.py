{
    "name": "CRM Sales Pipeline",
    "summary": "Leads to contracts: business figures, quotation revisions, plans",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_customer", "crm", "sale_management", "sale_crm"],
    "data": [
        "security/ir.model.access.csv",
        "wizards/sale_order_revision_wizard_views.xml",
        "wizards/sale_order_revision_compare_views.xml",
        "views/crm_lead_views.xml",
        "views/sale_order_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_sales_pipeline/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/crm_lead_demo.xml",
        "demo/sale_order_demo.xml",
    ],
}
