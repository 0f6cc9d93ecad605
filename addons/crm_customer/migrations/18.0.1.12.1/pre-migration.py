from odoo.tools import SQL


def migrate(cr, version):
    # the rule's block is noupdate: let this upgrade load its new domain (the
    # session's companies' option, not the default company's) once
    cr.execute(
        SQL(
            "UPDATE ir_model_data SET noupdate = false WHERE module = %s AND name = %s",
            "crm_customer",
            "crm_customer_interaction_rule_shared_read",
        )
    )
