from odoo import SUPERUSER_ID, api

from odoo.addons.crm_customer.tools import short_code_from_name


def migrate(cr, version):
    # codes typed before the flag existed: one that is not the name's initials was
    # typed by hand, and must survive the next rename
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    partners = env["res.partner"].search_fetch(
        [("short_code", "!=", False)], ["name", "short_code"]
    )
    partners.filtered(
        lambda p: p.short_code != short_code_from_name(p.name)
    ).short_code_typed = True
