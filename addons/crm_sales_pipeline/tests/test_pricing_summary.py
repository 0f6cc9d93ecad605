from odoo.fields import Command
from odoo.tests import tagged

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestPricingSummary(SalesPipelineCommon):
    def test_quotation_shows_the_policy_that_set_its_prices(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Policy Test Key Accounts",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.freight.id,
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "pricelist_id": pricelist.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.freight.id, "product_uom_qty": 2}
                    ),
                    Command.create({"product_id": self.thc.id, "product_uom_qty": 10}),
                ],
            }
        )
        freight_line = order.order_line.filtered(lambda l: l.product_id == self.freight)
        self.assertEqual(freight_line.price_unit, 2160)
        rule = pricelist.item_ids
        self.assertIn("Policy Test Key Accounts", order.pricing_summary)
        self.assertIn(rule.name, order.pricing_summary)
        self.assertFalse(order.discount_granted)

        thc_line = order.order_line - freight_line
        thc_line.discount = 5
        self.assertIn("discount on 1 of 2 lines", order.pricing_summary)
        self.assertAlmostEqual(order.discount_granted, 10 * 180 * 0.05)

    def test_quotation_without_rules_or_discounts(self):
        order = self._quotation()
        self.assertEqual(order.pricing_summary, order.pricelist_id.display_name or "")
        self.assertFalse(order.discount_granted)
