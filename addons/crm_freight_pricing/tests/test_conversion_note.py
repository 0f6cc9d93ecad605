from odoo import Command

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon


class TestConversionNote(FreightCommon):
    """The note under converted charges reads the rate as people quote it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.env["res.lang"]._activate_lang("vi_VN")

    def _note(self, user, company, currency, **rate_values):
        search = (
            self.env["freight.rate.search"]
            .with_user(user)
            .with_company(company)
            .create(
                {
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "shipment_date": self.today,
                    "container_line_ids": [
                        Command.create({"container_type_id": self.c20.id})
                    ],
                    "currency_id": currency.id,
                    "margin_value": 10.0,
                }
            )
        )
        search.action_search()
        option = as_request(user, search.option_ids)
        return option._prepare_order_line_values()[-1]["name"]

    def test_vnd_quote_on_a_usd_company(self):
        self.env["res.currency.rate"].create(
            {"currency_id": self.vnd.id, "rate": 25500.0, "name": self.today}
        )
        self._create_fcl_rate()
        note = self._note(self.salesman_cost, self.company, self.vnd)
        self.assertIn("1 USD = 25,500 VND", note)
        self.assertNotIn("0.00", note)
        self.salesman_cost.lang = "vi_VN"
        note = self._note(self.salesman_cost, self.company, self.vnd)
        self.assertIn("1 USD = 25.500 VND", note)

    def test_usd_quote_on_a_vnd_company(self):
        company = self.env["res.company"].create(
            {"name": "Sài Gòn Logistics", "currency_id": self.vnd.id}
        )
        # a VND company's rates count each currency per dong
        self.env["res.currency.rate"].create(
            {
                "currency_id": self.usd.id,
                "rate": 1 / 25500,
                "name": self.today,
                "company_id": company.id,
            }
        )
        seller = mail_new_test_user(
            self.env,
            login="seller_saigon",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads,"
            "crm_freight_pricing.group_freight_cost",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
            lang="vi_VN",
        )
        self._create_fcl_rate(
            price_20=22_950_000.0, company_id=company.id, currency_id=self.vnd.id
        )
        note = self._note(seller, company, self.usd)
        self.assertIn("1 USD = 25.500 VND", note)
