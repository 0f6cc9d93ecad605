from datetime import timedelta
import os
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

SUITE_MODULES = ["crm_customer", "crm_sales_pipeline", "crm_freight_pricing"]


@tagged("post_install", "-at_install")
class TestVietnameseSalespersonTour(HttpCase):
    """A Ho Chi Minh City salesperson, in Vietnamese, on a dong company: from "HCM →
    Busan, 1 × 20GP next week" to a sent quotation, quoted in dong from a US dollar buy
    rate, without the cost group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["base", "web", "mail", "sale", "sale_management", *SUITE_MODULES],
            ["vi_VN"],
            overwrite=True,
        )
        vnd, usd = ref("base.VND"), ref("base.USD")
        (vnd | usd).active = True
        cls.company = cls.env["res.company"].create(
            {
                "name": "Công ty TNHH Giao nhận Sao Việt",
                "currency_id": vnd.id,
                "country_id": ref("base.vn").id,
            }
        )
        # a dong company counts each currency per dong: 1 USD = 25,500 VND
        cls.env["res.currency.rate"].create(
            {
                "currency_id": usd.id,
                "rate": 1 / 25500,
                "name": "2020-01-01",
                "company_id": cls.company.id,
            }
        )
        cls.seller = mail_new_test_user(
            cls.env,
            login="vi_seller",
            password="vi_seller",
            name="Nguyễn Thị Lan",
            groups="base.group_user,sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Công ty TNHH Biển Xanh",
                "is_company": True,
                "email": "xnk@bienxanh.example.com",
                "lang": "vi_VN",
                "user_id": cls.seller.id,
                "company_id": cls.company.id,
            }
        )
        cls.env["freight.rate.markup"].create(
            {
                "freight_mode": "sea_fcl",
                "markup_percent": 10.0,
                "company_id": cls.company.id,
            }
        )
        today = fields.Date.context_today(
            cls.seller.with_context(tz="Asia/Ho_Chi_Minh")
        )
        cls.rate = cls.env["freight.rate"].create(
            {
                "company_id": cls.company.id,
                "carrier_id": cls.env["res.partner"]
                .create({"name": "Hàng tàu Đông Hải", "is_shipping_line": True})
                .id,
                "freight_mode": "sea_fcl",
                "currency_id": usd.id,
                "origin_id": ref("crm_freight_pricing.location_vncli").id,
                "destination_id": ref("crm_freight_pricing.location_krpus").id,
                "date_from": today - timedelta(days=1),
                "date_to": today + timedelta(days=45),
                "line_ids": [
                    Command.create(
                        {
                            "container_type_id": ref(
                                "crm_freight_pricing.container_type_20gp"
                            ).id,
                            "price": 1050.0,
                        }
                    )
                ],
            }
        )
        cls.rate.action_activate()
        cls.shipment_date = today + timedelta(days=7)

    def test_hcm_to_busan_quotation_sent_in_vietnamese(self):
        # the browser runs on a Vietnamese computer's clock
        with patch.dict(os.environ, {"TZ": "Asia/Ho_Chi_Minh"}):
            self.start_tour(
                "/odoo/action-sale.action_quotations_with_onboarding/new",
                "crm_freight_pricing_vi_tour",
                login="vi_seller",
            )
        order = self.env["sale.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sent")
        self.assertEqual(order.currency_id, self.env.ref("base.VND"))
        self.assertEqual(
            order.origin_location_id, self.env.ref("crm_freight_pricing.location_vncli")
        )
        self.assertEqual(order.shipment_date, self.shipment_date)
        freight = order.order_line.filtered("freight_rate_id")
        # 1,050 USD of cost, 10 % of floor, the salesperson's 10 %: 1,270.50 USD,
        # 32,397,750 VND, rounded up to the thousand
        self.assertEqual(freight.price_unit, 32_398_000.0)
        note = order.order_line.filtered(lambda line: line.display_type == "line_note")
        self.assertIn("1 USD = 25.500 VND", note.name)
        mail = order.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertEqual(mail.partner_ids, self.customer)
        self.assertIn("32.398.000", mail.body)
        self.assertNotIn("quotation", mail.body)
