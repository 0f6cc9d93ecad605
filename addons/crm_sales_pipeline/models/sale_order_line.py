from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._check_not_superseded()
        return lines

    def write(self, vals):
        self.order_id._check_not_superseded()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_superseded(self):
        self.order_id._check_not_superseded()
