from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon


class TestFreightCompany(FreightCommon):
    """A user of company 2 sees and prices only company 2's buy rates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Hai Phong Logistics"})
        in_company_2 = {
            "company_id": cls.company_2.id,
            "company_ids": [Command.set(cls.company_2.ids)],
        }
        cls.seller_2 = mail_new_test_user(
            cls.env,
            login="seller_company_2",
            groups="base.group_user,sales_team.group_sale_salesman",
            **in_company_2,
        )
        cls.pricer_2 = mail_new_test_user(
            cls.env,
            login="pricer_company_2",
            groups="base.group_user,crm_freight_pricing.group_freight_pricing_user",
            **in_company_2,
        )
        surcharges = [{"charge_type_id": cls.charge["baf"].id, "amount": 100.0}]
        cls.rate_1 = cls._create_fcl_rate(price_20=500.0, surcharges=surcharges)
        cls.rate_2 = cls._create_fcl_rate(
            price_20=900.0,
            surcharges=surcharges,
            company_id=cls.company_2.id,
            currency_id=cls.company_2.currency_id.id,
        )
        cls._publish_floor(10.0)

    def _search_values(self, **values):
        return {
            "freight_mode": "sea_fcl",
            "origin_location_id": self.pol.id,
            "destination_location_id": self.pod.id,
            "shipment_date": self.today,
            "container_line_ids": [Command.create({"container_type_id": self.c20.id})],
            "margin_value": 0.0,
            "sell_rounding": 0.0,
            **values,
        }

    def test_rate_search_for_another_company_is_refused(self):
        Search = as_request(self.seller_2, self.env["freight.rate.search"])
        with self.assertRaisesRegex(ValidationError, "companies you work in"):
            Search.create(self._search_values(company_id=self.company.id))

    def test_rate_search_prices_only_the_users_company(self):
        self._publish_floor(20.0, company_id=self.company_2.id)
        Search = as_request(self.seller_2, self.env["freight.rate.search"])
        search = Search.create(self._search_values())
        self.assertEqual(search.company_id, self.company_2)
        search.action_search()
        option = as_request(self.seller_2, search.option_ids)
        self.assertEqual(option.rate_id, self.rate_2)
        # company 2's own floor: 20 % over 900 + 100, not company 1's 10 %
        self.assertEqual(option.total_sell, 1200.0)

    def test_other_companies_markups_do_not_price(self):
        search = as_request(self.seller_2, self.env["freight.rate.search"]).create(
            self._search_values()
        )
        with self.assertRaisesRegex(UserError, "no sell floor"):
            search.action_search()

    def test_the_sudo_lookup_keeps_to_the_users_rules(self):
        Line = as_request(self.seller_2, self.env["freight.rate.line"])
        lines = Line._search_valid_lines(
            self.pol, self.pod, "sea_fcl", self.today, self.company
        )
        self.assertFalse(lines)

    def test_surcharges_of_another_company_are_out_of_reach(self):
        surcharge_1 = self.rate_1.surcharge_ids
        Surcharge = as_request(self.pricer_2, self.env["freight.rate.surcharge"])
        self.assertEqual(
            Surcharge.search([("charge_type_id", "=", self.charge["baf"].id)]),
            self.rate_2.surcharge_ids,
        )
        foreign = as_request(self.pricer_2, surcharge_1)
        with self.assertRaisesRegex(AccessError, "Buy Rate Surcharge"):
            foreign.read(["amount"])
        with self.assertRaisesRegex(AccessError, "Buy Rate Surcharge"):
            foreign.write({"amount": 1.0})
        with self.assertRaisesRegex(AccessError, "Buy Rate Surcharge"):
            foreign.unlink()
        self.assertEqual(surcharge_1.amount, 100.0)

    def test_markups_of_another_company_are_out_of_reach(self):
        markup_1 = self.env["freight.rate.markup"].search(
            [("company_id", "=", self.company.id)]
        )
        Markup = as_request(self.pricer_2, self.env["freight.rate.markup"])
        self.assertFalse(Markup.search([]))
        with self.assertRaisesRegex(AccessError, "Sell Floor Markup"):
            as_request(self.pricer_2, markup_1).write({"markup_percent": 1.0})

    def test_a_quotation_cannot_use_another_companys_rate(self):
        customer = self.env["res.partner"].create({"name": "Hai Phong Buyer"})
        with self.assertRaisesRegex(UserError, "Incompatible companies"):
            self.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "company_id": self.company_2.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.charge["of"].product_id.id,
                                "freight_rate_id": self.rate_1.id,
                            }
                        )
                    ],
                }
            )
