from odoo import fields, models

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class CrmSalesTargetReport(models.Model):
    _inherit = "crm.sales.target.report"

    # the gross profit achieved is the orders' margin: revenue minus buy cost
    actual_gross_profit = fields.Monetary(groups=COST_GROUP)
    gross_profit_achievement = fields.Float(groups=COST_GROUP)
