from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.crm_customer.tests.common import assert_refused


@tagged("post_install", "-at_install")
class TestFreightProfit(AccountTestInvoicingCommon):
    @classmethod
    def get_default_groups(cls):
        # The accountant Odoo's fixture acts as gets the template user's groups
        # (Sales and Invoicing Administrator, contact creation...), as with Odoo's
        # "Default Access Rights", which the suite turns off for new users.
        return super().get_default_groups() | cls.env.ref("base.default_user").groups_id

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company_data["company"]
        user_values = {
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
        }
        cls.salesman = new_test_user(
            cls.env,
            "profit_seller",
            groups="sales_team.group_sale_salesman",
            **user_values,
        )
        cls.sales_manager = new_test_user(
            cls.env,
            "profit_boss",
            groups="sales_team.group_sale_manager",
            **user_values,
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Saigon Garments", "is_company": True}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Garments to Shanghai",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "expected_revenue": 5000.0,
                "expected_profit": 500.0,
            }
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Ocean freight",
                "type": "service",
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.company_data[
                    "default_account_revenue"
                ].id,
            }
        )
        ref = cls.env.ref
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "opportunity_id": cls.opportunity.id,
                "freight_mode": "sea_fcl",
                "origin_location_id": ref("crm_freight_pricing.location_vncli").id,
                "destination_location_id": ref("crm_freight_pricing.location_cnsha").id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 2,
                            "price_unit": 1650.0,
                            "purchase_price": 1500.0,
                        }
                    ),
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 1,
                            "price_unit": 100.0,
                            "purchase_price": 50.0,
                        }
                    ),
                ],
            }
        )
        cls.order.action_confirm()

    def _report(self, user=None):
        self.env.flush_all()
        return (
            self.env["freight.profit.report"]
            .with_user(user or self.env.user)
            .search([("order_id", "=", self.order.id)])
        )

    def test_quoted_margin_before_invoicing(self):
        row = self._report()
        self.assertEqual(row.expected_profit, 500.0)
        self.assertEqual(row.quoted_margin, 350.0)
        self.assertEqual(row.invoiced_margin, 0.0)
        self.assertEqual(row.margin_variance, -350.0)
        self.assertEqual(row.user_id, self.salesman)
        self.assertEqual(row.origin_location_id, self.order.origin_location_id)

    def test_variance_of_an_invoice_below_the_quote(self):
        invoice = self.order._create_invoices()
        # the customer negotiated the ocean freight down on the invoice
        invoice.invoice_line_ids.filtered(
            lambda line: line.price_unit == 1650.0
        ).price_unit = 1600.0
        invoice.action_post()
        row = self._report()
        self.assertEqual(row.quoted_margin, 350.0)
        # 2 x (1600 - 1500) + (100 - 50)
        self.assertEqual(row.invoiced_margin, 250.0)
        self.assertEqual(row.margin_variance, -100.0)
        by_user = self.env["freight.profit.report"].read_group(
            [("order_id", "=", self.order.id)],
            ["margin_variance:sum"],
            ["user_id"],
        )
        self.assertEqual(by_user[0]["margin_variance"], -100.0)

    def test_only_cost_readers_see_the_report(self):
        with assert_refused(
            self, AccessError, "not allowed to access 'Freight Profit Analysis'"
        ):
            self._report(self.salesman)
        self.assertEqual(self._report(self.sales_manager).quoted_margin, 350.0)
