from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CrmServicePartsWizard(models.TransientModel):
    _name = "crm.service.parts.wizard"
    _description = "Ship or Return Parts of a Service Case"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Case", required=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id")
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    picking_type_code = fields.Selection(
        [
            ("outgoing", "Ship to the customer"),
            ("incoming", "Return from the customer"),
        ],
        string="Direction",
        required=True,
        default="outgoing",
    )
    repair_id = fields.Many2one(
        "repair.order",
        check_company=True,
        compute="_compute_repair_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('ticket_id', '=', ticket_id)]",
        help="The repair whose parts are shipped or taken back; its parts fill "
        "the lines.",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        compute="_compute_warehouse_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="The warehouse the parts leave from or come back to: the repair's, "
        "else the case's company's first one.",
    )
    line_ids = fields.One2many(
        "crm.service.parts.wizard.line",
        "wizard_id",
        string="Parts",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("ticket_id")
    def _compute_repair_id(self):
        for wizard in self:
            wizard.repair_id = wizard.ticket_id.repair_ids.sorted("id")[-1:]

    @api.depends("repair_id", "company_id")
    def _compute_warehouse_id(self):
        Warehouse = self.env["stock.warehouse"]
        for wizard in self:
            company = wizard.company_id or self.env.company
            wizard.warehouse_id = (
                wizard.repair_id.picking_type_id.warehouse_id.filtered(
                    lambda w, company=company: w.company_id == company
                )
                or Warehouse.search([("company_id", "=", company.id)], limit=1)
            )

    @api.depends("repair_id")
    def _compute_line_ids(self):
        for wizard in self:
            parts = wizard.repair_id.move_ids.filtered(
                lambda m: m.repair_line_type == "add"
            )
            wizard.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "product_id": move.product_id.id,
                        "quantity": move.product_uom_qty,
                    }
                )
                for move in parts
            ]

    def action_create_picking(self):
        """Create the delivery (or receipt) of the chosen parts, ready for the
        warehouse; its delivery slip is the packing list."""
        self.ensure_one()
        ticket = self.ticket_id
        ticket._check_parts_rights()
        ticket._check_parts_customer()
        if not self.line_ids:
            raise UserError(
                self.env._(
                    "Add at least one part to ship or take back for the case %(case)s.",
                    case=ticket.name,
                )
            )
        picking = self.env["stock.picking"].create(self._prepare_picking_values())
        picking.action_confirm()
        ticket.message_post(
            body=self.env._(
                "Parts transfer %(picking)s created.", picking=picking.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": picking.id,
            "view_mode": "form",
        }

    def _get_picking_type(self):
        warehouse = self.warehouse_id
        picking_type = (
            warehouse.out_type_id
            if self.picking_type_code == "outgoing"
            else warehouse.in_type_id
        )
        if not picking_type:
            company = self.ticket_id.company_id or self.env.company
            raise UserError(
                self.env._(
                    "The company %(company)s has no warehouse to ship parts from.",
                    company=company.name,
                )
            )
        return picking_type

    def _prepare_picking_values(self):
        self.ensure_one()
        picking_type = self._get_picking_type()
        customer_location = self.ticket_id.partner_id.with_company(
            picking_type.company_id
        ).property_stock_customer
        if self.picking_type_code == "outgoing":
            source, destination = (
                picking_type.default_location_src_id,
                customer_location,
            )
        else:
            source, destination = (
                customer_location,
                picking_type.default_location_dest_id,
            )
        return {
            "picking_type_id": picking_type.id,
            "company_id": picking_type.company_id.id,
            "partner_id": self.ticket_id.partner_id.id,
            "ticket_id": self.ticket_id.id,
            "repair_id": self.repair_id.id,
            "origin": self.ticket_id.display_name,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "move_ids": [
                Command.create(
                    {
                        "name": line.product_id.display_name,
                        "product_id": line.product_id.id,
                        "product_uom": line.product_id.uom_id.id,
                        "product_uom_qty": line.quantity,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                    }
                )
                for line in self.line_ids
            ],
        }
