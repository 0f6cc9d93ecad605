from odoo import fields, models

COST_GROUP = "crm_freight_pricing.group_freight_cost"


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "freight.shipment.mixin"]

    freight_incoterm_id = fields.Many2one("account.incoterms", string="Incoterm")
    container_line_ids = fields.One2many(
        "sale.order.freight.container", "order_id", string="Containers", copy=True
    )
    margin = fields.Monetary(groups=COST_GROUP)
    margin_percent = fields.Float(groups=COST_GROUP)

    def action_open_rate_search(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Add from Rates"),
            "res_model": "freight.rate.search",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }
