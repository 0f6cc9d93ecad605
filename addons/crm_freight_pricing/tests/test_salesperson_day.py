from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon

# a 1x1 transparent PNG, as the portal's signature widget sends it
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8"
    "AAAAASUVORK5CYII="
)


@tagged("post_install", "-at_install")
class TestSalespersonDay(FreightCommon, HttpCase):
    """A salesperson's whole day, each step as its own request, as the salesperson
    companies give the least: own documents, no contact-creation right of Odoo's
    own, no buy rates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.portal_confirmation_sign = True
        cls.company.portal_confirmation_pay = False
        cls.seller = mail_new_test_user(
            cls.env,
            login="day_seller",
            name="Nguyễn Thị Lan",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.operations = mail_new_test_user(
            cls.env,
            login="day_operations",
            groups="base.group_user,crm_freight_pricing.group_freight_operations",
        )
        cls._create_fcl_rate(price_20=900.0)
        cls.env["freight.rate.markup"].create(
            {"freight_mode": "sea_fcl", "markup_percent": 10.0}
        )

    def _as_seller(self, records):
        return as_request(self.seller, records)

    def test_customer_to_booking_request(self):
        # the customer and a first meeting (giao dịch)
        customer = self._as_seller(self.env["res.partner"]).create(
            {
                "name": "Công ty TNHH Dệt May Bình Dương",
                "is_company": True,
                "customer_type": "prospect",
                "user_id": self.seller.id,
                "email": "xnk@detmaybd.example.com",
            }
        )
        self._as_seller(self.env["crm.customer.interaction"]).create(
            {
                "partner_id": customer.id,
                "name": "Gặp khách: 2 x 20GP Đà Nẵng → Ninh Ba mỗi tháng",
                "type_id": self.env.ref("crm_customer.interaction_type_meeting").id,
                "date_start": datetime(2026, 12, 1, 9, 0),
                "user_id": self.seller.id,
            }
        )
        opportunity = self._as_seller(self.env["crm.lead"]).create(
            {
                "name": "FCL Đà Nẵng → Ninh Ba",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": self.seller.id,
            }
        )
        order = self._as_seller(self.env["sale.order"]).create(
            {
                "partner_id": customer.id,
                "opportunity_id": opportunity.id,
                "require_signature": True,
                "require_payment": False,
            }
        )

        # rates from the sell floor, added to the quotation
        action = self._as_seller(order).action_open_rate_search()
        search = (
            self._as_seller(self.env["freight.rate.search"])
            .with_context(**action["context"])
            .create(
                {
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": self.today,
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c20.id, "quantity": 2}
                        )
                    ],
                    "margin_value": 5.0,
                    "sell_rounding": 1.0,
                }
            )
        )
        search.action_search()
        option = self._as_seller(search).option_ids
        self.assertEqual(len(option), 1)
        self._as_seller(option).action_add_to_order()
        order = self._as_seller(order)
        freight_line = order.order_line.filtered("freight_rate_id")
        # floor 900 x 1.10 = 990, the salesperson's 5 % on top of it
        self.assertEqual(freight_line.price_unit, 1040.0)
        self.assertEqual(freight_line.product_uom_qty, 2)
        with self.assertRaisesRegex(AccessError, '"Cost"|"purchase_price"'):
            freight_line.read(["purchase_price"])

        # the customer asks for a change: a new revision, sent by e-mail
        wizard = self._as_seller(self.env["crm.revision.wizard"]).create(
            {"res_model": "sale.order", "res_id": order.id, "reason": "Khách xin giá"}
        )
        revision = self.env["sale.order"].browse(
            self._as_seller(wizard).action_create_revision()["res_id"]
        )
        revision = self._as_seller(revision)
        self.assertEqual(revision.revision_root_id, order)
        send_action = revision.action_quotation_send()
        composer = (
            self._as_seller(self.env["mail.compose.message"])
            .with_context(**send_action["context"])
            .create({})
        )
        composer.action_send_mail()
        revision = self._as_seller(revision)
        self.assertEqual(revision.state, "sent")
        self.assertEqual(len(revision.send_log_ids), 1)

        # the customer signs in the portal, which confirms the order
        accepted = self.make_jsonrpc_request(
            f"/my/orders/{revision.id}/accept",
            {
                "access_token": self.env["sale.order"]
                .browse(revision.id)
                ._portal_ensure_token(),
                "name": "Trần Văn Khách",
                "signature": SIGNATURE,
            },
        )
        self.assertNotIn("error", accepted)
        revision = self._as_seller(revision)
        self.assertEqual(revision.state, "sale")

        # and the salesperson hands the shipment to operations
        request_action = revision.action_create_freight_booking_request()
        booking = self._as_seller(
            self.env["freight.booking.request"].browse(request_action["res_id"])
        )
        booking.action_send()
        booking = as_request(self.operations, booking)
        self.assertEqual(booking.state, "sent")
        self.assertEqual(booking.order_id, revision)
        self.assertEqual(booking.user_id, self.seller)
