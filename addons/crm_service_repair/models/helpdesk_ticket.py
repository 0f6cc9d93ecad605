from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    repair_ids = fields.One2many("repair.order", "ticket_id", string="Repairs")
    repair_count = fields.Integer(
        compute="_compute_repair_count", groups="stock.group_stock_user"
    )
    repair_state = fields.Selection(
        [
            ("draft", "New"),
            ("confirmed", "Confirmed"),
            ("under_repair", "Under Repair"),
            ("done", "Repaired"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_repair_state",
        store=True,
        help="Where the case's latest repair stands.",
    )

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        counts = dict(
            self.env["repair.order"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.repair_count = counts.get(ticket._origin, 0)

    @api.depends("repair_ids.state")
    def _compute_repair_state(self):
        for ticket in self:
            latest = ticket.repair_ids.sorted("id")[-1:]
            ticket.repair_state = latest.state

    def action_open_repair(self):
        """Open a repair order for the case's customer and goods."""
        self.ensure_one()
        if not self.product_id:
            raise UserError(
                self.env._(
                    "Choose the customer's goods or the product of the case %(case)s "
                    "before opening a repair.",
                    case=self.name,
                )
            )
        repair = self.env["repair.order"].create(self._prepare_repair_values())
        self.message_post(
            body=self.env._("Repair %(repair)s opened.", repair=repair.name),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": repair.id,
            "view_mode": "form",
        }

    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "repair.action_repair_order_tree"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def _prepare_repair_values(self):
        self.ensure_one()
        return {
            "ticket_id": self.id,
            "company_id": self.company_id.id or self.env.company.id,
            "partner_id": self.partner_id.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "under_warranty": self.goods_coverage == "warranty",
            "internal_notes": self.description,
        }
