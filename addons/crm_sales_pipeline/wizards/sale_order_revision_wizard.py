from odoo import fields, models


class SaleOrderRevisionWizard(models.TransientModel):
    _name = "sale.order.revision.wizard"
    _description = "New Quotation Revision"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    reason = fields.Text(
        required=True,
        help="Why the quotation changes, e.g. the customer asked for a lower rate.",
    )

    def action_create_revision(self):
        self.ensure_one()
        revision = self.order_id._create_revision(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": revision.id,
            "view_mode": "form",
            "target": "current",
        }
