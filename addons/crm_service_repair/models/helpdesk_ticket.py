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
    parts_picking_ids = fields.One2many(
        "stock.picking",
        "ticket_id",
        string="Parts Shipments",
        groups="stock.group_stock_user",
    )
    parts_picking_count = fields.Integer(
        compute="_compute_parts_picking_count", groups="stock.group_stock_user"
    )
    parts_shipment_state = fields.Selection(
        [
            ("draft", "Draft"),
            ("waiting", "Waiting Another Operation"),
            ("confirmed", "Waiting"),
            ("assigned", "Ready"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        string="Parts Shipment",
        compute="_compute_parts_shipment_state",
        store=True,
        help="Where the case's latest parts shipment or return stands.",
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

    @api.depends("parts_picking_ids")
    def _compute_parts_picking_count(self):
        counts = dict(
            self.env["stock.picking"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.parts_picking_count = counts.get(ticket._origin, 0)

    @api.depends("parts_picking_ids.state")
    def _compute_parts_shipment_state(self):
        for ticket in self:
            latest = ticket.parts_picking_ids.sorted("id")[-1:]
            ticket.parts_shipment_state = latest.state

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
            "under_warranty": self.contract_coverage == "warranty",
            "internal_notes": self.description,
        }

    def action_ship_parts(self):
        """Choose the parts to send to the customer on a delivery."""
        return self._action_open_parts_wizard("outgoing")

    def action_return_parts(self):
        """Choose the parts the customer sends back on a receipt."""
        return self._action_open_parts_wizard("incoming")

    def action_view_parts_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id, "create": False}
        return action

    def action_print_packing_list(self):
        """The delivery slip of the case's parts shipments is their packing list."""
        self.ensure_one()
        self._check_parts_rights()
        return self.env.ref("stock.action_report_delivery").report_action(
            self.parts_picking_ids
        )

    def _action_open_parts_wizard(self, picking_type_code, repair=None):
        self.ensure_one()
        self._check_parts_rights()
        self._check_parts_customer()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ship Parts")
            if picking_type_code == "outgoing"
            else self.env._("Return Parts"),
            "res_model": "crm.service.parts.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_picking_type_code": picking_type_code,
                **({"default_repair_id": repair.id} if repair else {}),
            },
        }

    def _check_parts_rights(self):
        if not self.env.user.has_group("stock.group_stock_user"):
            raise UserError(
                self.env._(
                    "Shipping or taking back parts needs the Inventory / User "
                    "rights: ask your warehouse to ship the parts of the case "
                    "%(case)s.",
                    case=self.name,
                )
            )

    def _check_parts_customer(self):
        for ticket in self.filtered(lambda t: not t.partner_id):
            raise UserError(
                self.env._(
                    "Set the customer of the case %(case)s before shipping or "
                    "taking back parts.",
                    case=ticket.name,
                )
            )
