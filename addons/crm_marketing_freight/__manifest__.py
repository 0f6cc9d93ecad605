{
    "name": "CRM Marketing - Freight",
    "summary": "The lane and mode a campaign promotes, carried by its opportunities; "
    "rate promotions for its period; the lane of market information",
    "version": "18.0.1.1.1",
    "category": "Marketing",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_marketing", "crm_freight_pricing"],
    "data": [
        "views/utm_campaign_views.xml",
        "views/crm_market_intelligence_views.xml",
        "views/freight_rate_markup_views.xml",
    ],
    "demo": ["demo/utm_campaign_demo.xml"],
    "auto_install": True,
}
