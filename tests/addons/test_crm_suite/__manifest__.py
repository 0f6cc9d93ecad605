{
    "name": "CRM Suite: test models",
    "summary": "Minimal models on which the suite's mixins are tested (tests only)",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tests",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_customer", "crm_freight_pricing"],
    "data": ["security/ir.model.access.csv"],
}
