"""Freight services take the company's taxes for their scope: zero-rated international
transport, the standard rate for services at home, on any chart of accounts."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestFreightTaxes(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tax = cls.env["account.tax"]

        def sale_tax(name, amount):
            return Tax.create(
                {
                    "name": name,
                    "amount": amount,
                    "type_tax_use": "sale",
                    "company_id": cls.company.id,
                }
            )

        cls.zero_rated = sale_tax("Transport 0%", 0.0)
        cls.standard = sale_tax("Services 10%", 10.0)
        cls.own_tax = sale_tax("Product's own 7%", 7.0)
        cls.ocean = cls.env.ref("crm_freight_pricing.product_ocean_freight")
        cls.trucking = cls.env.ref("crm_freight_pricing.product_trucking")
        (cls.ocean | cls.trucking).taxes_id = [Command.set(cls.own_tax.ids)]
        cls.other_service = cls.env["product.product"].create(
            {"name": "Cargo insurance", "type": "service", "taxes_id": cls.own_tax.ids}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Dệt may Thành Công", "is_company": True}
        )

    def _quotation_lines(self):
        order = as_request(self.salesman, self.env["sale.order"]).create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 100.0})
                    for product in (self.ocean, self.trucking, self.other_service)
                ],
            }
        )
        return order.order_line

    def test_freight_products_are_scoped(self):
        self.assertEqual(self.ocean.freight_tax_scope, "international")
        self.assertEqual(self.trucking.freight_tax_scope, "domestic")
        self.assertEqual(
            self.env.ref("crm_freight_pricing.product_surcharge").freight_tax_scope,
            "international",
        )
        self.assertEqual(
            self.env.ref("crm_freight_pricing.product_local_charge").freight_tax_scope,
            "domestic",
        )

    def test_lines_take_the_companys_taxes_of_their_scope(self):
        self.company.write(
            {
                "freight_international_tax_ids": [Command.set(self.zero_rated.ids)],
                "freight_domestic_tax_ids": [Command.set(self.standard.ids)],
            }
        )
        ocean_line, trucking_line, other_line = self._quotation_lines()
        self.assertEqual(ocean_line.tax_id, self.zero_rated)
        self.assertEqual(trucking_line.tax_id, self.standard)
        self.assertEqual(
            other_line.tax_id, self.own_tax, "no scope: the product's taxes"
        )

    def test_without_company_taxes_the_products_own_apply(self):
        self.company.write(
            {
                "freight_international_tax_ids": [Command.clear()],
                "freight_domestic_tax_ids": [Command.clear()],
            }
        )
        for line in self._quotation_lines():
            self.assertEqual(line.tax_id, self.own_tax)

    def test_fiscal_position_maps_the_scope_taxes(self):
        self.company.freight_international_tax_ids = [Command.set(self.zero_rated.ids)]
        exempt = self.env["account.tax"].create(
            {
                "name": "Exempt",
                "amount": 0.0,
                "type_tax_use": "sale",
                "company_id": self.company.id,
            }
        )
        position = self.env["account.fiscal.position"].create(
            {
                "name": "Export processing zone",
                "company_id": self.company.id,
                "tax_ids": [
                    Command.create(
                        {"tax_src_id": self.zero_rated.id, "tax_dest_id": exempt.id}
                    )
                ],
            }
        )
        self.customer.property_account_position_id = position
        ocean_line = self._quotation_lines()[0]
        self.assertEqual(ocean_line.tax_id, exempt)
