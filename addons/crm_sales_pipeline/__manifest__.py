{
    "name": "CRM Sales Pipeline",
    "summary": "Leads to contracts: business figures, quotation revisions, plans",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_customer", "crm", "sale_management"],
}
