{
    "name": "CRM Marketing - Email Marketing",
    "summary": "Campaign e-mails to the campaign's targets, in their language, and "
    "what they reached",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_marketing", "mass_mailing"],
    "data": [
        "security/crm_marketing_mass_mailing_security.xml",
        "views/utm_campaign_views.xml",
        "views/mailing_mailing_views.xml",
    ],
    "auto_install": True,
}
