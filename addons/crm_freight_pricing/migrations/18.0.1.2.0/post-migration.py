from odoo import SUPERUSER_ID, api

# The rules are in a noupdate block: databases installed before keep their old domains
# (rows without a salesperson shown to every own-documents salesperson).
OWN_ONLY_RULES = (
    "crm_freight_pricing.freight_profit_report_rule_personal",
    "crm_freight_pricing.freight_inquiry_rule_personal",
    "crm_freight_pricing.freight_booking_request_rule_personal",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in OWN_ONLY_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.domain_force = "[('user_id', '=', user.id)]"
