from odoo.addons.crm_customer.tools.core_translations import load_core_translations


def post_init_hook(env):
    load_core_translations(env, "crm_sales_pipeline")
