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
        "security/crm_sales_pipeline_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "wizards/sale_order_revision_wizard_views.xml",
        "wizards/sale_order_revision_compare_views.xml",
        "views/crm_lead_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_send_log_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_sales_pipeline/static/tests/tours/*.js"],
    },
    "demo": [
        "demo/crm_lead_demo.xml",
        "demo/sale_order_demo.xml",
    ],
}
