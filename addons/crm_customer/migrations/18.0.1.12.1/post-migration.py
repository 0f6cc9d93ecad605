from pathlib import Path

from lxml import etree

from odoo import SUPERUSER_ID, api

from odoo.addons.crm_customer.tools import short_code_from_name

SHARED_READ_RULE = "crm_customer_interaction_rule_shared_read"


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    # codes typed before the flag existed: one that is not the name's initials was
    # typed by hand, and must survive the next rename
    partners = env["res.partner"].search_fetch(
        [("short_code", "!=", False)], ["name", "short_code"]
    )
    partners.filtered(
        lambda p: p.short_code != short_code_from_name(p.name)
    ).short_code_typed = True
    # the rule's block is noupdate, which an upgrade never reloads: take its new
    # domain (the session's companies' option, not the default company's) from the
    # XML file, its one home
    security = Path(__file__).parents[2] / "security/crm_customer_security.xml"
    domain = etree.parse(str(security)).find(
        f".//record[@id='{SHARED_READ_RULE}']/field[@name='domain_force']"
    )
    env.ref(f"crm_customer.{SHARED_READ_RULE}").domain_force = domain.text
