{
    "name": "CRM Service - Repairs",
    "summary": "Open an Odoo repair order from a service case for the customer's "
    "goods, ship its parts on a picking; their state flows back to the case",
    "version": "18.0.1.2.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_service_stock", "repair"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_service_repair_security.xml",
        "wizards/crm_service_parts_wizard_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/stock_picking_views.xml",
        "views/repair_order_views.xml",
    ],
    "demo": ["demo/repair_order_demo.xml"],
    "auto_install": True,
}
