from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import UserError


class CrmCustomerInteraction(models.Model):
    _inherit = "crm.customer.interaction"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Case",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        check_company=True,
        help="The service case this call or interaction is about.",
    )

    def action_open_case(self):
        """Open a service case from the call, in one step: the case takes the
        call's customer, summary and details, and the call is linked to it."""
        self.ensure_one()
        if self.ticket_id:
            raise UserError(
                self.env._(
                    "The call %(call)s already has the case %(case)s.",
                    call=self.name,
                    case=self.ticket_id.display_name,
                )
            )
        self.ticket_id = self.env["helpdesk.ticket"].create(
            self._prepare_ticket_values()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    def _prepare_ticket_values(self):
        self.ensure_one()
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
        )
        description = self.description or Markup("<p>%s</p>") % escape(
            self.result or self.name
        )
        return {
            "name": self.name,
            "description": description,
            "partner_id": (self.contact_id or self.partner_id).id,
            "company_id": self.company_id.id or self.env.company.id,
            "channel_id": channel.id,
        }
