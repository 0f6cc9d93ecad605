from odoo import Command, fields, models


class CrmSendingMixin(models.AbstractModel):
    """A document sent to the customer, every sending logged and counted
    (quotations, contracts). The model names its log model and the log's
    many2one to it."""

    _name = "crm.sending.mixin"
    _description = "Sending Count Mixin"
    _send_log_model = None  # e.g. "sale.order.send.log"
    _send_log_document_field = None  # e.g. "order_id"

    send_count = fields.Integer(string="Times Sent", compute="_compute_send_count")

    def _compute_send_count(self):
        counts = dict(
            self.env[self._send_log_model]._read_group(
                [(self._send_log_document_field, "in", self.ids)],
                [self._send_log_document_field],
                ["__count"],
            )
        )
        for record in self:
            record.send_count = counts.get(record._origin, 0)

    def _log_sending(self, channel, partners=None):
        self.env[self._send_log_model].create(
            [record._prepare_send_log_values(channel, partners) for record in self]
        )

    def _prepare_send_log_values(self, channel, partners=None):
        self.ensure_one()
        return {
            self._send_log_document_field: self.id,
            "channel": channel,
            "partner_ids": [Command.set((partners or self.partner_id).ids)],
            "amount_total": self._get_send_log_amount(),
        }

    def _get_send_log_amount(self):
        return self.amount_total
