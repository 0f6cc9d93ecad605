from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_service.tests.common import CrmServiceCommon
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCustomerGoods(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_user = mail_new_test_user(
            cls.env,
            login="crm_service_stock_user",
            groups="base.group_user,stock.group_stock_user",
        )
        cls.product.write(
            {"is_storable": True, "tracking": "serial", "warranty_months": 12}
        )
        Lot = cls.env["stock.lot"]
        cls.lot = Lot.create({"name": "RF-0001", "product_id": cls.product.id})
        cls.other_lot = Lot.create({"name": "RF-0002", "product_id": cls.product.id})
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        Quant = cls.env["stock.quant"]
        for lot in cls.lot | cls.other_lot:
            Quant._update_available_quantity(
                cls.product, cls.warehouse.lot_stock_id, 1, lot_id=lot
            )
        cls.contract = cls.env["crm.service.contract"].create(
            {
                "name": "Reefer maintenance",
                "partner_id": cls.customer.id,
                "date_start": "2026-01-01",
                "date_end": "2027-12-31",
                "product_ids": [(4, cls.product.id)],
            }
        )

    def _deliver(self, partner, lot, date="2026-03-02 09:00:00"):
        """Deliver one serial number to a customer, as the warehouse does."""
        with freeze_time(date):
            picking = (
                self.env["stock.picking"]
                .with_user(self.stock_user)
                .create(
                    {
                        "picking_type_id": self.warehouse.out_type_id.id,
                        "partner_id": partner.id,
                        "origin": "S00042",
                        "move_ids": [
                            (
                                0,
                                0,
                                {
                                    "name": self.product.name,
                                    "product_id": self.product.id,
                                    "product_uom_qty": 1,
                                    "location_id": self.warehouse.lot_stock_id.id,
                                    "location_dest_id": self.ref(
                                        "stock.stock_location_customers"
                                    ),
                                },
                            )
                        ],
                    }
                )
            )
            picking.action_confirm()
            picking.move_ids.move_line_ids.unlink()
            picking.move_ids.write(
                {
                    "move_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.product.id,
                                "lot_id": lot.id,
                                "quantity": 1,
                                "location_id": self.warehouse.lot_stock_id.id,
                                "location_dest_id": self.ref(
                                    "stock.stock_location_customers"
                                ),
                            },
                        )
                    ],
                    "picked": True,
                }
            )
            picking.button_validate()
        return picking

    def _goods(self, lot):
        return self.env["crm.service.goods"].search([("lot_id", "=", lot.id)])

    def test_delivery_fills_the_customer_goods(self):
        picking = self._deliver(self.contact, self.lot)
        self.assertEqual(picking.state, "done")
        goods = self._goods(self.lot)
        self.assertEqual(len(goods), 1)
        # the company owns the goods, whichever contact took the delivery
        self.assertEqual(goods.partner_id, self.customer)
        self.assertEqual(goods.product_id, self.product)
        self.assertEqual(goods.picking_id, picking)
        self.assertEqual(goods.origin, "S00042")
        self.assertEqual(goods.delivery_date, fields.Date.to_date("2026-03-02"))
        # twelve months of the product's warranty
        self.assertEqual(goods.warranty_end_date, fields.Date.to_date("2027-03-02"))
        # the contract naming the product covers it
        self.assertEqual(goods.contract_id, self.contract)
        self.assertEqual(self.contract.goods_count, 1)
        self.assertEqual(self.customer.crm_goods_count, 1)
        self.assertEqual(self.contact.crm_goods_count, 1)
        action = self.customer.with_user(self.agent_1).action_view_crm_goods()
        self.assertEqual(self.env["crm.service.goods"].search(action["domain"]), goods)

    def test_return_takes_the_serial_back(self):
        picking = self._deliver(self.contact, self.lot)
        goods = self._goods(self.lot)
        wizard = (
            self.env["stock.return.picking"]
            .with_user(self.stock_user)
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        wizard.product_return_moves.quantity = 1
        return_picking = wizard._create_return()
        return_picking.move_ids.move_line_ids.write({"lot_id": self.lot.id})
        return_picking.move_ids.write({"quantity": 1, "picked": True})
        return_picking.button_validate()
        self.assertEqual(return_picking.state, "done")
        self.assertFalse(goods.active)
        self.assertEqual(self.customer.crm_goods_count, 0)

    def test_agent_chooses_the_goods_on_the_case(self):
        self._deliver(self.contact, self.lot)
        goods = self._goods(self.lot)
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        with freeze_time("2026-06-01 09:00:00"):
            form = Form(Ticket)
            form.name = "Reefer alarm"
            form.description = "<p>Alarm at start</p>"
            form.partner_id = self.contact
            form.goods_id = goods
            self.assertEqual(form.product_id, self.product)
            ticket = form.save()
        self.assertEqual(ticket.lot_id, self.lot)
        self.assertEqual(ticket.product_id, self.product)
        self.assertEqual(ticket.warranty_end_date, goods.warranty_end_date)
        # the serial number typed on a case without stock comes from the goods
        self.assertEqual(ticket.lot_serial, "RF-0001")
        # under warranty: covered, and the goods' contract is not consumed
        self.assertEqual(ticket.contract_coverage, "warranty")
        self.assertFalse(ticket.contract_id)
        self.assertEqual(ticket.goods_contract_id, self.contract)
        self.assertEqual(self.contract.ticket_count, 0)
        # the case is found by its serial number
        self.assertEqual(Ticket.search([("lot_id", "=", self.lot.id)]), ticket)

    def test_coverage_after_the_warranty(self):
        self._deliver(self.contact, self.lot, date="2025-01-10 09:00:00")
        goods = self._goods(self.lot)
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        values = {
            "name": "Reefer alarm",
            "description": "<p>Alarm</p>",
            "partner_id": self.contact.id,
            "goods_id": goods.id,
        }
        with freeze_time("2026-06-01 09:00:00"):
            ticket = Ticket.create(values)
        # out of warranty since January 2026, under the goods' running contract
        self.assertEqual(ticket.contract_coverage, "covered")
        self.assertEqual(ticket.contract_id, self.contract)
        with freeze_time("2028-02-01 09:00:00"):
            late = Ticket.create(values)
        self.assertEqual(late.contract_coverage, "not_covered")
        self.assertFalse(late.contract_id)
        # the contract extended: coverage follows at once
        self.contract.with_user(self.manager).date_end = "2028-12-31"
        self.assertEqual(late.contract_id, self.contract)
        self.assertEqual(late.contract_coverage, "covered")

    def test_goods_coverage_lets_the_case_in(self):
        """A team taking covered cases only takes those whose goods are under
        warranty or under their contract, and refuses the others."""
        self.team.contract_policy = "block"
        self.contract.product_ids = self.other_product
        self._deliver(self.contact, self.lot, date="2025-01-10 09:00:00")
        goods = self._goods(self.lot)
        goods.contract_id = False
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        values = {
            "name": "Reefer alarm",
            "description": "<p>Alarm</p>",
            "team_id": self.team.id,
            "partner_id": self.contact.id,
            "goods_id": goods.id,
        }
        sla_warranty = self.env["crm.service.sla"].create(
            {"name": "Warranty", "contract_coverage": "warranty", "response_hours": 2}
        )
        with freeze_time("2025-06-01 09:00:00"):
            ticket = Ticket.create(values)
        self.assertEqual(ticket.contract_coverage, "warranty")
        # the SLA reads the same coverage
        self.assertEqual(ticket.sla_id, sla_warranty)
        count = Ticket.search_count([])
        with (
            freeze_time("2026-06-01 09:00:00"),
            self.assertRaises(ValidationError) as caught,
        ):
            Ticket.create(values)
        self.assertIn("only accepts covered cases", str(caught.exception))
        self.assertEqual(Ticket.search_count([]), count)

    @freeze_time("2026-06-01 09:00:00")
    def test_case_without_goods_keeps_its_serial(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_1)
            .create(
                {
                    "name": "Reefer alarm",
                    "description": "<p>Alarm</p>",
                    "partner_id": self.contact.id,
                    "product_id": self.product.id,
                    "lot_serial": "OLD-77",
                }
            )
        )
        self.assertEqual(ticket.lot_serial, "OLD-77")
        # crm_service's lookup: the customer's contract naming the product
        self.assertEqual(ticket.contract_id, self.contract)
        self.assertEqual(ticket.contract_coverage, "covered")

    def test_goods_of_another_customer_refused(self):
        self._deliver(self.other_contact, self.other_lot)
        other_goods = self._goods(self.other_lot)
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        count = Ticket.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Ticket.create(
                {
                    "name": "Wrong goods",
                    "description": "<p>x</p>",
                    "partner_id": self.contact.id,
                    "goods_id": other_goods.id,
                }
            )
        self.assertIn("belong to 深圳华联物流", str(caught.exception))
        self.assertEqual(Ticket.search_count([]), count)
        # changing the customer of a case with goods is refused as well
        self._deliver(self.contact, self.lot)
        ticket = Ticket.create(
            {
                "name": "Right goods",
                "description": "<p>x</p>",
                "partner_id": self.contact.id,
                "goods_id": self._goods(self.lot).id,
            }
        )
        with self.assertRaises(ValidationError):
            ticket.partner_id = self.other_contact

    def test_goods_bad_input(self):
        Goods = self.env["crm.service.goods"].with_user(self.manager)
        values = {
            "partner_id": self.customer.id,
            "product_id": self.product.id,
            "lot_id": self.lot.id,
            "delivery_date": "2026-03-02",
        }
        with self.assertRaises(ValidationError) as caught:
            Goods.create({**values, "warranty_end_date": "2026-03-01"})
        self.assertIn("cannot end before its delivery", str(caught.exception))
        other_contract = self.env["crm.service.contract"].create(
            {"name": "Other", "partner_id": self.other_customer.id}
        )
        with self.assertRaises(ValidationError) as caught:
            Goods.create({**values, "contract_id": other_contract.id})
        self.assertIn("cannot cover goods of", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            Goods.create({**values, "product_id": self.other_product.id})
        self.assertIn("is of", str(caught.exception))
        self.assertFalse(Goods.search([("lot_id", "=", self.lot.id)]))
        # a warranty of the goods' own, longer than the product's
        goods = Goods.create({**values, "warranty_end_date": "2029-03-02"})
        self.assertEqual(goods.warranty_end_date, fields.Date.to_date("2029-03-02"))
        self.assertEqual(
            goods.delivery_date + relativedelta(months=36), goods.warranty_end_date
        )

    def test_agents_read_goods_but_do_not_change_them(self):
        self._deliver(self.contact, self.lot)
        goods = self._goods(self.lot).with_user(self.agent_1)
        self.assertEqual(goods.lot_id.name, "RF-0001")
        with self.assertRaises(AccessError):
            goods.warranty_end_date = "2030-01-01"
        with self.assertRaises(AccessError):
            goods.unlink()
