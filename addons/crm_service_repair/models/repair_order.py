from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class RepairOrder(models.Model):
    _inherit = "repair.order"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Case",
        index="btree_not_null",
        check_company=True,
        copy=False,
    )

    @api.constrains("ticket_id", "lot_id", "product_id")
    def _check_ticket_goods(self):
        Goods = self.env["crm.service.goods"]
        for repair in self.filtered(lambda r: r.ticket_id and r.lot_id):
            customer = repair.ticket_id.commercial_partner_id
            if not Goods.search_count(
                [("partner_id", "=", customer.id), ("lot_id", "=", repair.lot_id.id)],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The serial number %(lot)s is not among the goods of "
                        "%(customer)s: the repair of the case %(case)s cannot be "
                        "about it.",
                        lot=repair.lot_id.name,
                        customer=customer.display_name,
                        case=repair.ticket_id.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals:
            self.filtered("ticket_id")._notify_ticket_state()
        return result

    def action_ship_parts(self):
        """Ship this repair's parts to the customer of its case."""
        self.ensure_one()
        if not self.ticket_id:
            raise UserError(
                self.env._(
                    "Link the repair %(repair)s to a service case before shipping "
                    "its parts.",
                    repair=self.name,
                )
            )
        return self.ticket_id._action_open_parts_wizard("outgoing", repair=self)

    def _notify_ticket_state(self):
        """Tell the case's followers where its repair stands."""
        states = dict(self._fields["state"]._description_selection(self.env))
        for repair in self:
            # sudo: the repair technician need not read the case; only this note,
            # in the technician's name, is written on it
            repair.ticket_id.sudo().message_post(
                body=self.env._(
                    "Repair %(repair)s: %(state)s.",
                    repair=repair.name,
                    state=states.get(repair.state),
                ),
                subtype_xmlid="mail.mt_note",
                author_id=self.env.user.partner_id.id,
            )
