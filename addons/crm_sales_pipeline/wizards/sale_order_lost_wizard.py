from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SaleOrderLostWizard(models.TransientModel):
    _name = "sale.order.lost.wizard"
    _description = "Quotation Lost"

    order_ids = fields.Many2many("sale.order", string="Quotations", required=True)
    lost_reason_id = fields.Many2one("crm.lost.reason")
    lost_competitor_id = fields.Many2one(
        "res.partner",
        string="Lost To",
        domain="[('customer_type', '=', 'competitor')]",
    )
    competitor_price = fields.Monetary(
        currency_field="currency_id",
        help="The competitor's untaxed price for the same scope, when known.",
    )
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", readonly=True
    )

    @api.depends("order_ids")
    def _compute_currency_id(self):
        for wizard in self:
            wizard.currency_id = wizard.order_ids[:1].currency_id

    @api.constrains("competitor_price")
    def _check_competitor_price(self):
        for wizard in self:
            if wizard.competitor_price < 0:
                raise ValidationError(
                    self.env._("The competitor's price cannot be negative.")
                )

    def action_cancel_quotations(self):
        self.ensure_one()
        if not self.lost_reason_id:
            raise UserError(
                self.env._("Say why the quotation was lost before cancelling it.")
            )
        self.order_ids.write(
            {
                "lost_reason_id": self.lost_reason_id.id,
                "lost_competitor_id": self.lost_competitor_id.id,
                "competitor_price": self.competitor_price,
            }
        )
        return self.order_ids.with_context(
            crm_sales_pipeline_lost_reason_given=True
        ).action_cancel()
