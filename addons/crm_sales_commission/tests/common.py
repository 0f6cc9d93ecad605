from odoo import Command, fields

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.mail.tests.common import mail_new_test_user

SALESMAN_GROUPS = "base.group_user,sales_team.group_sale_salesman"
MANAGER_GROUPS = "base.group_user,sales_team.group_sale_manager"
MILLION = 1_000_000


class CommissionCommon(AccountTestInvoicingCommon):
    """A company counting in dong, two salespeople, their sales manager, and the plan
    of the issue: 3 % of a month's profit up to 500 M VND, 5 % above, on posted
    invoices."""

    @classmethod
    def setup_independent_company(cls, **kwargs):
        vnd = cls.env.ref("base.VND")
        vnd.active = True
        return super().setup_independent_company(currency_id=vnd.id, **kwargs)

    @classmethod
    def get_default_groups(cls):
        # the accountant the fixture acts as, with the template user's groups (sales
        # administrator) as a company's "Default Access Rights" would give
        return super().get_default_groups() | cls.env.ref("base.default_user").groups_id

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.vnd = cls.company.currency_id
        users = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.lan = mail_new_test_user(
            cls.env, login="commission_lan", groups=SALESMAN_GROUPS, **users
        )
        cls.tuan = mail_new_test_user(
            cls.env, login="commission_tuan", groups=SALESMAN_GROUPS, **users
        )
        cls.manager = mail_new_test_user(
            cls.env, login="commission_manager", groups=MANAGER_GROUPS, **users
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Công ty Dệt may Sài Gòn", "is_company": True}
        )
        cls.freight = cls.env["product.product"].create(
            {
                "name": "Sea freight HCM - Shanghai",
                "type": "service",
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.company_data[
                    "default_account_revenue"
                ].id,
            }
        )
        cls.Plan = cls.env["commission"].with_user(cls.manager)
        cls.lan_plan = cls.Plan.create(
            {
                "name": "Lan 2026",
                "plan_user_id": cls.lan.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "commission_type": "section",
                "amount_base_type": "net_amount",
                "invoice_state": "open",
                "section_ids": cls._tiers(),
            }
        )

    @classmethod
    def _tiers(cls, *tiers):
        tiers = tiers or ((0, 500 * MILLION, 3), (500 * MILLION, 10**15, 5))
        return [
            Command.create({"amount_from": start, "amount_to": end, "percent": rate})
            for start, end, rate in tiers
        ]

    @classmethod
    def _invoice(
        cls,
        user,
        sell,
        cost,
        date,
        currency=None,
        post=True,
        customer=None,
        product=None,
    ):
        """An order of ``user`` at ``sell`` with ``cost`` kept on its line (both in
        ``currency``), invoiced on ``date``."""
        currency = currency or cls.vnd
        pricelist = cls.env["product.pricelist"].create(
            {"name": f"Pricelist {currency.name}", "currency_id": currency.id}
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": (customer or cls.customer).id,
                "user_id": user.id,
                "pricelist_id": pricelist.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": (product or cls.freight).id,
                            "product_uom_qty": 1,
                            "price_unit": sell,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        # the cost kept on the line, as a freight quotation's buy rates set it
        order.order_line.purchase_price = cost
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = date
        if post:
            invoice.action_post()
        return invoice

    @classmethod
    def _credit_note(cls, invoice, date, share=1.0):
        refund = invoice._reverse_moves([{"invoice_date": date, "date": date}])
        if share != 1.0:
            refund.invoice_line_ids.quantity = share
        refund.action_post()
        return refund

    @classmethod
    def _pay(cls, invoice, amount, date, currency=None):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "amount": amount,
                    "payment_date": date,
                    "currency_id": (currency or cls.vnd).id,
                }
            )
            ._create_payments()
        )

    @classmethod
    def _settle(cls, date_to, user=None):
        wizard = (
            cls.env["commission.make.settle"]
            .with_user(user or cls.manager)
            .create({"date_to": date_to, "settlement_type": "sale_invoice"})
        )
        wizard.action_settle()
        return wizard.env["commission.settlement"].search(
            [("company_id", "=", cls.company.id)], order="agent_id, date_from, id"
        )

    @staticmethod
    def _date(text):
        return fields.Date.to_date(text)
