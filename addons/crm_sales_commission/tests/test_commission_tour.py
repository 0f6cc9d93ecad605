from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import MANAGER_GROUPS, MILLION, SALESMAN_GROUPS, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionTour(CommissionCommon, HttpCase):
    """The sales manager settles last month, approves Lan's settlement and exports it
    for payroll, in the browser."""

    def test_plan_settlement_approval_export(self):
        users = {
            "company_id": self.company.id,
            "company_ids": [Command.set(self.company.ids)],
        }
        lan = mail_new_test_user(
            self.env,
            login="commission_tour_lan",
            name="Lan Tour",
            groups=SALESMAN_GROUPS,
            **users,
        )
        manager = mail_new_test_user(
            self.env,
            login="commission_tour_manager",
            name="Commission Tour Manager",
            groups=MANAGER_GROUPS,
            **users,
        )
        self.env["commission"].with_user(manager).create(
            {
                "name": "Lan Tour Plan",
                "plan_user_id": lan.id,
                "date_start": "2020-01-01",
                "fix_qty": 3.0,
                "amount_base_type": "net_amount",
                "invoice_state": "paid",
            }
        )
        last_month = fields.Date.today().replace(day=1) - relativedelta(months=1)
        invoice = self._invoice(lan, 100 * MILLION, 40 * MILLION, last_month)
        self._pay(invoice, invoice.amount_total, last_month)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.start_tour(
            "/odoo/action-crm_sales_commission.commission_plan_action",
            "crm_sales_commission_tour",
            login=manager.login,
        )
        settlement = self.env["commission.settlement"].search(
            [("agent_id", "=", lan.partner_id.id)]
        )
        self.assertEqual(settlement.approved_user_id, manager)
        # 3 % of 60 M of profit
        self.assertEqual(settlement.total, 1_800_000)
        export = (
            self.env["commission.payroll.export"]
            .with_user(manager)
            .search([("create_uid", "=", manager.id)])
        )
        self.assertEqual(export.settlement_ids, settlement)
