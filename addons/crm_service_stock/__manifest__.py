{
    "name": "CRM Service - Customer Goods",
    "summary": "The customer's installed base (products and serial numbers delivered), "
    "warranty and contract coverage, chosen on the service case",
    "version": "18.0.1.1.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_service", "stock"],
    "data": [
        "security/crm_service_stock_security.xml",
        "security/ir.model.access.csv",
        "views/crm_service_goods_views.xml",
        "views/product_template_views.xml",
        "views/res_partner_views.xml",
        "views/crm_service_contract_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/crm_service_stock_menus.xml",
    ],
    "demo": ["demo/crm_service_goods_demo.xml"],
    "auto_install": True,
}
