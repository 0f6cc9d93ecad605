from odoo import SUPERUSER_ID, api

from odoo.addons.crm_customer.tools.core_translations import load_core_translations


def migrate(cr, version):
    # databases installed before keep Odoo's half-English mails (noupdate templates)
    # and its "Chuyên viên sales"
    load_core_translations(api.Environment(cr, SUPERUSER_ID, {}), "crm_sales_pipeline")
