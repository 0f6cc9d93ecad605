from odoo import SUPERUSER_ID, api

# The freight products are in a noupdate block: give databases installed before the
# tax scopes new databases get.
TAX_SCOPES = {
    "crm_freight_pricing.product_ocean_freight": "international",
    "crm_freight_pricing.product_air_freight": "international",
    "crm_freight_pricing.product_surcharge": "international",
    "crm_freight_pricing.product_trucking": "domestic",
    "crm_freight_pricing.product_local_charge": "domestic",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, scope in TAX_SCOPES.items():
        product = env.ref(xmlid, raise_if_not_found=False)
        if product and not product.freight_tax_scope:
            product.freight_tax_scope = scope
