{
    "name": "CRM Sales Commission",
    "summary": "Commission plans of salespeople on OCA's commissions: profit or "
    "revenue, monthly tiers, settlements approved by the sales manager",
    "version": "18.0.1.2.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": [
        "crm_sales_pipeline",
        "sale_commission_oca",
        "sale_commission_salesman",
        "sale_commission_margin_oca",
    ],
    "data": [
        "security/crm_sales_commission_security.xml",
        "security/ir.model.access.csv",
        "security/crm_sales_commission_team_rules.xml",
        "security/crm_sales_commission_wizard_rules.xml",
        "wizards/commission_payroll_export_views.xml",
        "views/commission_views.xml",
        "views/commission_settlement_views.xml",
        "views/crm_sales_target_views.xml",
        "views/crm_sales_commission_menus.xml",
    ],
    "demo": ["demo/commission_demo.xml"],
    "assets": {
        "web.assets_tests": ["crm_sales_commission/static/tests/tours/*.js"],
    },
}
