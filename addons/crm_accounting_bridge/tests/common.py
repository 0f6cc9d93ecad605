from odoo import Command, fields

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class CrmAccountingCommon(AccountTestInvoicingCommon):
    @classmethod
    def get_default_groups(cls):
        # The accountant Odoo's fixture acts as gets the template user's groups
        # (Sales and Invoicing Administrator, contact creation...), as with Odoo's
        # "Default Access Rights", which the suite turns off for new users.
        return super().get_default_groups() | cls.env.ref("base.default_user").groups_id

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        user_values = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.salesman = mail_new_test_user(
            cls.env,
            login="crm_accounting_salesman",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_salesman",
            **user_values,
        )
        cls.other_salesman = mail_new_test_user(
            cls.env,
            login="crm_accounting_other_salesman",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_salesman",
            **user_values,
        )
        cls.billing_user = mail_new_test_user(
            cls.env,
            login="crm_accounting_billing",
            groups="base.group_user,base.group_partner_manager,"
            "account.group_account_invoice,"
            "crm_accounting_bridge.crm_accounting_bridge_group_crm_read",
            **user_values,
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Vận tải Biển Đông",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Nguyễn Văn Minh", "parent_id": cls.customer.id}
        )
        cls.service = cls.env["product.product"].create(
            {
                "name": "Sea freight HCM - Shanghai",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.company_data[
                    "default_account_revenue"
                ].id,
            }
        )

    @classmethod
    def _block_on_credit(cls, limit=1000.0, owed=800.0):
        """The company blocks orders over the credit limit, and the customer owes
        ``owed`` of its ``limit`` on an invoice due in 10 days."""
        cls.company.account_use_credit_limit = True
        cls.company.crm_credit_control = "block"
        cls.customer.credit_limit = limit
        cls._invoice(cls.customer, owed, cls.today, cls._days_ago(-10))

    @classmethod
    def _days_ago(cls, days):
        return fields.Date.subtract(cls.today, days=days)

    @classmethod
    def _invoice(
        cls,
        partner,
        amount,
        invoice_date,
        due_date=None,
        move_type="out_invoice",
        currency=None,
        user=None,
    ):
        """A posted customer invoice (or credit note) of one untaxed line."""
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": invoice_date,
                "invoice_date_due": due_date or invoice_date,
                "currency_id": (currency or cls.company.currency_id).id,
                "invoice_user_id": (user or cls.other_salesman).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Freight",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _pay(cls, invoices, amount, payment_date, currency=None):
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": payment_date,
                    "currency_id": (currency or cls.company.currency_id).id,
                }
            )
        )
        return wizard._create_payments()

    @classmethod
    def _order(cls, partner, quantity, price, date_order=None, confirm=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": cls.other_salesman.id,
                "date_order": date_order or fields.Datetime.now(),
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": quantity,
                            "price_unit": price,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
            if date_order:
                # Confirming stamps the order with the confirmation date.
                order.date_order = date_order
        return order
