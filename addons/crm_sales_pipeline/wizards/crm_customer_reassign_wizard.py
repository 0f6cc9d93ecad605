from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmCustomerReassignWizard(models.TransientModel):
    _name = "crm.customer.reassign.wizard"
    _description = "Hand Customers Over to Another Salesperson"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        required=True,
        default=lambda self: self._default_partner_ids(),
    )
    user_id = fields.Many2one(
        "res.users",
        string="New Salesperson",
        required=True,
        domain="[('share', '=', False)]",
    )
    handover_note = fields.Html(
        required=True,
        help="What the new salesperson must know: open deals, promises, contacts, "
        "why the customer is difficult.",
    )
    move_opportunities = fields.Boolean(
        string="Move Open Opportunities",
        default=True,
        help="Also give the customers' open leads and opportunities to the new "
        "salesperson.",
    )

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get("active_model") == "res.partner":
            return self.env.context.get("active_ids", [])
        return []

    def action_reassign(self):
        self.ensure_one()
        partners = self.partner_ids.filtered(lambda p: p.user_id != self.user_id)
        if not partners:
            raise UserError(
                self.env._(
                    "These customers are already followed by %(user)s.",
                    user=self.user_id.name,
                )
            )
        if not self._has_note():
            raise UserError(
                self.env._(
                    "Write a handover note for %(user)s.", user=self.user_id.name
                )
            )
        for previous_user, customers in partners.grouped("user_id").items():
            customers.write(
                {"user_id": self.user_id.id, "previous_user_id": previous_user.id}
            )
            for customer in customers:
                self._log_handover(customer, previous_user)
        if self.move_opportunities:
            self.env["crm.lead"].search(
                [
                    ("partner_id.commercial_partner_id", "in", partners.ids),
                    ("stage_id.is_won", "=", False),
                    ("user_id", "!=", self.user_id.id),
                ]
            ).write({"user_id": self.user_id.id})
        return {"type": "ir.actions.act_window_close"}

    def _has_note(self):
        return bool(Markup(self.handover_note or "").striptags().strip())

    def _log_handover(self, customer, previous_user):
        """A note on the customer's chatter that notifies both salespeople."""
        customer.message_post(
            body=Markup("<p>%s</p>%s")
            % (
                self.env._(
                    "Handed over from %(previous)s to %(new)s:",
                    previous=previous_user.name or self.env._("nobody"),
                    new=self.user_id.name,
                ),
                self.handover_note,
            ),
            subtype_xmlid="mail.mt_note",
            partner_ids=(previous_user.partner_id | self.user_id.partner_id).ids,
        )
