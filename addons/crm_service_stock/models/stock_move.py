from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        moves._update_customer_goods()
        return moves

    def _update_customer_goods(self):
        """Add what was delivered to a customer to their goods, and take back
        the serial numbers the customer returned."""
        Goods = self.env["crm.service.goods"]
        done = self.filtered(lambda m: m.state == "done")
        delivered = done.filtered(
            lambda m: (
                m.location_dest_id.usage == "customer"
                and m.location_id.usage != "customer"
            )
        )
        lines = delivered.move_line_ids.filtered(
            lambda ml: (
                ml.quantity
                and (ml.move_id.picking_id.partner_id or ml.move_id.partner_id)
            )
        )
        if lines:
            Goods.create([Goods._prepare_values_from_move_line(ml) for ml in lines])
        returned = done.filtered(
            lambda m: (
                m.location_id.usage == "customer"
                and m.location_dest_id.usage != "customer"
            )
        )
        returned_lots = returned.move_line_ids.lot_id
        if returned_lots:
            Goods.search([("lot_id", "in", returned_lots.ids)]).action_archive()
