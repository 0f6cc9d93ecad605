from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceRepairCommon


@tagged("post_install", "-at_install")
class TestPartsShipment(CrmServiceRepairCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sensor = cls.env["product.product"].create(
            {"name": "Reefer temperature sensor", "is_storable": True}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.sensor, cls.warehouse.lot_stock_id, 5
        )
        cls.Wizard = cls.env["crm.service.parts.wizard"]

    def _pickings(self, ticket):
        return self.env["stock.picking"].search([("ticket_id", "=", ticket.id)])

    def test_ship_the_repair_parts_to_the_customer(self):
        ticket = self._case(self.repair_agent, goods_id=self.goods.id)
        repair = (
            self.env["repair.order"]
            .with_user(self.repair_agent)
            .browse(ticket.action_open_repair()["res_id"])
        )
        repair.move_ids = [
            Command.create(
                {
                    "product_id": self.sensor.id,
                    "product_uom_qty": 2,
                    "repair_line_type": "add",
                }
            )
        ]
        action = ticket.action_ship_parts()
        wizard_form = Form(
            self.Wizard.with_user(self.repair_agent).with_context(**action["context"])
        )
        # the repair's parts fill the packing list
        self.assertEqual(wizard_form.repair_id, repair)
        self.assertEqual(len(wizard_form.line_ids), 1)
        wizard = wizard_form.save()
        self.assertEqual(wizard.line_ids.product_id, self.sensor)
        self.assertEqual(wizard.line_ids.quantity, 2)
        picking = (
            self.env["stock.picking"]
            .with_user(self.repair_agent)
            .browse(wizard.action_create_picking()["res_id"])
        )
        self.assertEqual(picking.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(picking.partner_id, self.contact)
        self.assertEqual(picking.location_dest_id.usage, "customer")
        self.assertEqual(picking.ticket_id, ticket)
        self.assertEqual(picking.repair_id, repair)
        self.assertEqual(picking.move_ids.product_id, self.sensor)
        self.assertEqual(picking.move_ids.product_uom_qty, 2)
        self.assertEqual(ticket.parts_picking_count, 1)
        self.assertEqual(ticket.parts_shipment_state, "assigned")
        # the delivery slip of the shipment is its packing list
        report = ticket.action_print_packing_list()
        self.assertEqual(report["report_name"], "stock.report_deliveryslip")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.repair_agent)
            ._render_qweb_html("stock.report_deliveryslip", picking.ids)[0]
            .decode()
        )
        self.assertIn(picking.name, html)
        self.assertIn("Reefer temperature sensor", html)
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.assertEqual(ticket.parts_shipment_state, "done")
        self.assertIn(
            f"Parts shipped to the customer: {picking.name} delivered.",
            ticket.message_ids.mapped("preview"),
        )
        # an agent without Inventory rights still reads where the parts are
        self.assertEqual(ticket.with_user(self.agent_1).parts_shipment_state, "done")

    def test_warehouse_clerk_validates_without_reading_the_case(self):
        clerk = mail_new_test_user(
            self.env,
            login="crm_service_repair_clerk",
            groups="base.group_user,stock.group_stock_user",
        )
        ticket = self._case(self.repair_agent)
        wizard = self.Wizard.with_user(self.repair_agent).create(
            {
                "ticket_id": ticket.id,
                "picking_type_code": "outgoing",
                "line_ids": [Command.create({"product_id": self.sensor.id})],
            }
        )
        picking_id = wizard.action_create_picking()["res_id"]
        picking = self.env["stock.picking"].with_user(clerk).browse(picking_id)
        picking.move_ids.quantity = 1
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        delivered = f"Parts shipped to the customer: {picking.name} delivered."
        note = ticket.message_ids.filtered(lambda message: message.preview == delivered)
        self.assertEqual(note.author_id, clerk.partner_id)
        # the note was all: the clerk still reads no case
        with self.assertRaises(AccessError):
            ticket.with_user(clerk).read(["name"])

    def test_customer_returns_parts(self):
        ticket = self._case(self.repair_agent)
        action = ticket.action_return_parts()
        self.assertEqual(action["context"]["default_picking_type_code"], "incoming")
        wizard = self.Wizard.with_user(self.repair_agent).create(
            {
                "ticket_id": ticket.id,
                "picking_type_code": "incoming",
                "line_ids": [Command.create({"product_id": self.sensor.id})],
            }
        )
        picking = (
            self.env["stock.picking"]
            .with_user(self.repair_agent)
            .browse(wizard.action_create_picking()["res_id"])
        )
        self.assertEqual(picking.picking_type_id, self.warehouse.in_type_id)
        self.assertEqual(picking.partner_id, self.contact)
        self.assertEqual(picking.location_id.usage, "customer")
        self.assertEqual(picking.location_dest_id, self.warehouse.lot_stock_id)
        self.assertEqual(picking.move_ids.product_uom_qty, 1)
        picking.move_ids.quantity = 1
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(ticket.parts_shipment_state, "done")
        self.assertIn(
            f"Parts returned by the customer: {picking.name} received.",
            ticket.message_ids.mapped("preview"),
        )

    def test_agent_without_inventory_rights_refused(self):
        ticket = self._case(self.agent_1)
        with self.assertRaises(UserError) as caught:
            ticket.action_ship_parts()
        self.assertIn("Inventory / User", str(caught.exception))
        with self.assertRaises(UserError):
            ticket.action_return_parts()
        with self.assertRaises(AccessError):
            self.Wizard.with_user(self.agent_1).create(
                {
                    "ticket_id": ticket.id,
                    "line_ids": [Command.create({"product_id": self.sensor.id})],
                }
            )
        self.assertFalse(self._pickings(ticket))

    def test_zero_or_negative_quantity_refused(self):
        ticket = self._case(self.repair_agent)
        Wizard = self.Wizard.with_user(self.repair_agent)
        for quantity in (0, -1):
            with self.assertRaises(ValidationError) as caught:
                Wizard.create(
                    {
                        "ticket_id": ticket.id,
                        "line_ids": [
                            Command.create(
                                {"product_id": self.sensor.id, "quantity": quantity}
                            )
                        ],
                    }
                )
            self.assertIn("must be more than zero", str(caught.exception))
        wizard = Wizard.create({"ticket_id": ticket.id})
        with self.assertRaises(UserError):
            wizard.action_create_picking()
        self.assertFalse(self._pickings(ticket))

    def test_case_without_customer_refused(self):
        ticket = self._case(self.repair_agent, partner_id=False)
        with self.assertRaises(UserError) as caught:
            ticket.action_ship_parts()
        self.assertIn("Set the customer", str(caught.exception))
        wizard = self.Wizard.with_user(self.repair_agent).create(
            {
                "ticket_id": ticket.id,
                "line_ids": [Command.create({"product_id": self.sensor.id})],
            }
        )
        with self.assertRaises(UserError):
            wizard.action_create_picking()
        self.assertFalse(self._pickings(ticket))
        self.assertFalse(ticket.parts_shipment_state)

    def test_repair_ships_its_own_parts(self):
        ticket = self._case(self.repair_agent, goods_id=self.goods.id)
        Repair = self.env["repair.order"].with_user(self.repair_agent)
        repair = Repair.browse(ticket.action_open_repair()["res_id"])
        action = repair.action_ship_parts()
        wizard = Form(
            self.Wizard.with_user(self.repair_agent).with_context(**action["context"])
        ).save()
        self.assertEqual(wizard.ticket_id, ticket)
        self.assertEqual(wizard.repair_id, repair)
        self.assertEqual(wizard.picking_type_code, "outgoing")
        loose_repair = Repair.create(
            {"partner_id": self.contact.id, "product_id": self.product.id}
        )
        with self.assertRaises(UserError) as caught:
            loose_repair.action_ship_parts()
        self.assertIn("to a service case", str(caught.exception))

    def test_parts_leave_from_the_case_company_or_repair_warehouse(self):
        """Two companies: a case of the second ships from that company's
        warehouse, never from the first warehouse found; a repair planned in a
        second warehouse of the first company ships from it."""
        company_b = self.env["res.company"].create({"name": "Sao Mai Logistics"})
        warehouse_b = self.env["stock.warehouse"].search(
            [("company_id", "=", company_b.id)]
        )
        # the agent works in both companies, in the second one now
        self.repair_agent.write(
            {"company_ids": [Command.link(company_b.id)], "company_id": company_b.id}
        )
        ticket = self._case(self.repair_agent)
        self.assertEqual(ticket.company_id, company_b)
        Wizard = self.Wizard.with_user(self.repair_agent)
        wizard = Wizard.create(
            {
                "ticket_id": ticket.id,
                "line_ids": [Command.create({"product_id": self.sensor.id})],
            }
        )
        self.assertEqual(wizard.warehouse_id, warehouse_b)
        picking = (
            self.env["stock.picking"]
            .with_user(self.repair_agent)
            .browse(wizard.action_create_picking()["res_id"])
        )
        self.assertEqual(picking.company_id, company_b)
        self.assertEqual(picking.picking_type_id, warehouse_b.out_type_id)
        # another company's warehouse is refused, nothing is shipped from it
        with self.assertRaises(UserError):
            Wizard.create(
                {
                    "ticket_id": ticket.id,
                    "warehouse_id": self.warehouse.id,
                    "line_ids": [Command.create({"product_id": self.sensor.id})],
                }
            )
        self.assertEqual(len(self._pickings(ticket)), 1)
        # the repair's own warehouse, in the first company
        self.repair_agent.company_id = self.company
        warehouse_2 = self.env["stock.warehouse"].create(
            {"name": "Hải Phòng", "code": "HPH", "company_id": self.company.id}
        )
        case = self._case(self.repair_agent, goods_id=self.goods.id)
        repair = (
            self.env["repair.order"]
            .with_user(self.repair_agent)
            .browse(case.action_open_repair()["res_id"])
        )
        repair.picking_type_id = warehouse_2.repair_type_id
        action = case.action_ship_parts()
        wizard = Form(
            self.Wizard.with_user(self.repair_agent).with_context(**action["context"])
        ).save()
        self.assertEqual(wizard.repair_id, repair)
        self.assertEqual(wizard.warehouse_id, warehouse_2)
