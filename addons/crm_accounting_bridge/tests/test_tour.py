from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestAccountingBridgeTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        company.account_use_credit_limit = True
        company.crm_credit_control = "block"
        cls.accounting_manager = mail_new_test_user(
            cls.env,
            login="crm_tour_accounting_manager",
            password="crm_tour_accounting_manager",
            name="Trần Thị Kế Toán",
            groups="base.group_user,account.group_account_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
            tz="Asia/Ho_Chi_Minh",
        )
        # the figures count days on the user's own calendar, whatever the hour in UTC
        today = fields.Date.context_today(
            cls.env["res.partner"].with_context(tz="Asia/Ho_Chi_Minh")
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Logistics JSC",
                "is_company": True,
                "customer_type": "customer",
                "credit_limit": 1000.0,
            }
        )
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "invoice_date": fields.Date.subtract(today, days=50),
                "invoice_date_due": fields.Date.subtract(today, days=20),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Sea freight", "price_unit": 1500.0, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        product = cls.env["product.product"].create(
            {"name": "Tour Trucking", "type": "service", "list_price": 300.0}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 300.0, "tax_id": []}
                    )
                ],
            }
        )

    def test_accounting_manager_approves_an_overdue_customer_order(self):
        self.start_tour(
            f"/odoo/action-crm_customer.res_partner_action_customer/{self.customer.id}",
            "crm_accounting_bridge_tour",
            login="crm_tour_accounting_manager",
        )
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "crm_accounting_bridge_order_tour",
            login="crm_tour_accounting_manager",
        )
        self.assertEqual(self.order.credit_exception_user_id, self.accounting_manager)
        self.assertEqual(
            self.order.credit_exception_reason, "Paid 1,500 by transfer this morning"
        )
        self.assertEqual(self.order.state, "draft")
