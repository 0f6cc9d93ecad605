from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    # the rule is in a noupdate block: databases installed before keep showing
    # company-less timeline rows to every company
    env = api.Environment(cr, SUPERUSER_ID, {})
    rule = env.ref(
        "crm_customer.crm_customer_timeline_rule_company", raise_if_not_found=False
    )
    if rule:
        rule.domain_force = "[('company_id', 'in', company_ids)]"
