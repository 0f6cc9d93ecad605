from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    freight_inquiry_ids = fields.One2many(
        "freight.inquiry", "order_id", string="Service Inquiries"
    )
    freight_inquiry_count = fields.Integer(
        string="Inquiries", compute="_compute_freight_inquiry_count"
    )

    @api.depends("freight_inquiry_ids")
    def _compute_freight_inquiry_count(self):
        self.freight_inquiry_count = 0
        if not self.env["freight.inquiry"].has_access("read"):
            return
        counts = dict(
            self.env["freight.inquiry"]._read_group(
                [("order_id", "in", self.ids)], ["order_id"], ["__count"]
            )
        )
        for order in self:
            order.freight_inquiry_count = counts.get(order, 0)

    def action_view_freight_inquiries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_freight_pricing.freight_inquiry_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"create": False}
        if self.freight_inquiry_count == 1:
            action.update(
                view_mode="form",
                views=[(False, "form")],
                res_id=self.freight_inquiry_ids.id,
            )
        return action
