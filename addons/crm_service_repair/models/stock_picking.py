from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Case",
        index="btree_not_null",
        check_company=True,
        copy=False,
        help="The service case whose parts this transfer ships or takes back.",
    )
    repair_id = fields.Many2one(
        "repair.order",
        string="Parts of Repair",
        index="btree_not_null",
        check_company=True,
        copy=False,
        help="The repair whose parts this transfer ships or takes back.",
    )

    def _action_done(self):
        result = super()._action_done()
        self.filtered(lambda p: p.ticket_id and p.state == "done")._notify_ticket_done()
        return result

    def _notify_ticket_done(self):
        """Tell the case's followers the parts left or came back."""
        for picking in self:
            if picking.picking_type_code == "incoming":
                body = self.env._(
                    "Parts returned by the customer: %(picking)s received.",
                    picking=picking.name,
                )
            else:
                body = self.env._(
                    "Parts shipped to the customer: %(picking)s delivered.",
                    picking=picking.name,
                )
            # sudo: the warehouse clerk who validates the transfer need not read the
            # case; only this note, in the clerk's name, is written on it
            picking.ticket_id.sudo().message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
