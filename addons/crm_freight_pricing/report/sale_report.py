from odoo import fields, models

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class SaleReport(models.Model):
    _inherit = "sale.report"

    # sale_margin's margin per line is the sell price minus the buy cost
    margin = fields.Float(groups=COST_GROUP)
