from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    # the phone call type is noupdate data: flag it on databases installed before
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    call_type = env.ref("crm_customer.interaction_type_call", raise_if_not_found=False)
    if call_type:
        call_type.is_call = True
