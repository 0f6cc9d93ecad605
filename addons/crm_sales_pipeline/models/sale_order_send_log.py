from odoo import api, fields, models


class SaleOrderSendLog(models.Model):
    _name = "sale.order.send.log"
    _description = "Quotation Sending"
    _inherit = ["crm.send.log.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "sale.order",
        string="Revision",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        context={"active_test": False},
    )
    revision_root_id = fields.Many2one(
        "sale.order",
        string="Quotation",
        compute="_compute_revision_root_id",
        store=True,
        index=True,
        check_company=True,
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)

    @api.depends("order_id.revision_root_id")
    def _compute_revision_root_id(self):
        for log in self:
            log.revision_root_id = log.order_id.revision_root_id or log.order_id
