{
    "name": "CRM Freight Pricing",
    "summary": "Buy-rate tables, rate search, freight quotations, bookings",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_sales_pipeline"],
}
