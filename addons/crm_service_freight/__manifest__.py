{
    "name": "CRM Service - Freight",
    "summary": "Cargo claims on service cases: booking, carrier, lane, liability "
    "limit, notice and time-bar reminders, recovery from the carrier",
    "version": "18.0.1.1.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_service", "crm_freight_pricing"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_service_freight_menus.xml",
    ],
    "demo": ["demo/helpdesk_ticket_demo.xml"],
    "auto_install": True,
}
