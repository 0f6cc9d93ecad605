from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    # the rule is in a noupdate block: databases installed before keep showing
    # profit rows without a salesperson to every salesperson of the cost group
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref(
        "crm_freight_pricing.freight_profit_report_rule_personal",
        raise_if_not_found=False,
    )
    if rule:
        rule.domain_force = "[('user_id', '=', user.id)]"
