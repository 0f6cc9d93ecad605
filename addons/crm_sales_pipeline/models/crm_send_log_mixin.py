from odoo import fields, models


class CrmSendLogMixin(models.AbstractModel):
    """One sending of a document to the customer: when, by whom, how, to whom and
    for how much. Each sent model has its log model inheriting this, with the
    many2one to its document (see ``crm.sending.mixin``)."""

    _name = "crm.send.log.mixin"
    _description = "Sending Log Mixin"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Sent By", required=True, default=lambda self: self.env.user
    )
    channel = fields.Selection(
        [("email", "Email"), ("print", "Print")], required=True, default="email"
    )
    partner_ids = fields.Many2many("res.partner", string="Recipients")
    # related to the document's in each log model
    currency_id = fields.Many2one("res.currency")
    amount_total = fields.Monetary(
        string="Total", currency_field="currency_id", readonly=True
    )
