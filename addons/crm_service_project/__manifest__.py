{
    "name": "CRM Service - Project Services",
    "summary": "A service case or a service contract opens a project task, with the "
    "time planned and spent",
    "version": "18.0.1.2.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_service", "helpdesk_mgmt_project"],
    "data": [
        "views/helpdesk_ticket_views.xml",
        "views/crm_service_contract_views.xml",
        "views/project_task_views.xml",
    ],
    "demo": ["demo/project_project_demo.xml"],
    "auto_install": True,
}
