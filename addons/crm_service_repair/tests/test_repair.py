from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceRepairCommon


@tagged("post_install", "-at_install")
class TestCaseRepair(CrmServiceRepairCommon):
    def test_case_opens_a_repair_whose_state_flows_back(self):
        ticket = self._case(self.repair_agent, goods_id=self.goods.id)
        action = ticket.action_open_repair()
        repair = (
            self.env["repair.order"]
            .with_user(self.repair_agent)
            .browse(action["res_id"])
        )
        self.assertEqual(repair.ticket_id, ticket)
        self.assertEqual(repair.partner_id, self.contact)
        self.assertEqual(repair.product_id, self.product)
        self.assertEqual(repair.lot_id, self.lot)
        # the goods are under warranty: the repair's parts are not charged
        self.assertTrue(repair.under_warranty)
        self.assertEqual(ticket.repair_count, 1)
        self.assertEqual(ticket.repair_state, "draft")
        # the customer's unit came back to the repair shop
        self.env["stock.quant"]._update_available_quantity(
            self.product, repair.product_location_src_id, 1, lot_id=self.lot
        )
        repair.action_validate()
        self.assertEqual(ticket.repair_state, "confirmed")
        repair.action_repair_start()
        self.assertEqual(ticket.repair_state, "under_repair")
        self.assertIn(
            f"Repair {repair.name}: Under Repair.",
            ticket.message_ids.mapped("preview"),
        )
        repair.action_repair_end()
        self.assertEqual(ticket.repair_state, "done")
        # an agent without Inventory rights still reads where the repair stands
        self.assertEqual(ticket.with_user(self.agent_1).repair_state, "done")
        searched = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_1)
            .search([("repair_state", "=", "done")])
        )
        self.assertIn(ticket, searched)

    def test_technician_without_helpdesk_rights_moves_the_repair(self):
        technician = mail_new_test_user(
            self.env,
            login="crm_service_repair_technician",
            groups="base.group_user,stock.group_stock_user,stock.group_production_lot",
        )
        ticket = self._case(self.repair_agent, goods_id=self.goods.id)
        repair_id = ticket.action_open_repair()["res_id"]
        repair = self.env["repair.order"].with_user(technician).browse(repair_id)
        self.env["stock.quant"]._update_available_quantity(
            self.product, repair.product_location_src_id, 1, lot_id=self.lot
        )
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(ticket.repair_state, "under_repair")
        note = ticket.message_ids.filtered(
            lambda message: f"Repair {repair.name}: Under Repair." in message.preview
        )
        self.assertEqual(note.author_id, technician.partner_id)
        # the notes were all: the technician still reads no case
        with self.assertRaises(AccessError):
            ticket.with_user(technician).read(["name"])

    def test_repair_on_goods_of_another_customer_refused(self):
        ticket = self._case(self.repair_agent, goods_id=self.goods.id)
        Repair = self.env["repair.order"].with_user(self.repair_agent)
        with self.assertRaises(ValidationError) as caught:
            Repair.create(
                {
                    **ticket._prepare_repair_values(),
                    "lot_id": self.other_lot.id,
                }
            )
        self.assertIn("not among the goods of Biển Xanh JSC", str(caught.exception))
        self.assertFalse(Repair.search([("ticket_id", "=", ticket.id)]))

    def test_repair_needs_a_product(self):
        ticket = self._case(self.repair_agent)
        with self.assertRaises(UserError):
            ticket.action_open_repair()
        self.assertFalse(ticket.repair_ids)
