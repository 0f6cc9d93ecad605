from dateutil.relativedelta import relativedelta

from odoo import Command

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon


class CrmCollectionCommon(CrmAccountingCommon):
    """A salesperson's customer, a team led by a team leader, an accounting manager,
    and the months around today: last month, this month, next month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the report's months and the promises' dates are the company's
        cls.local_today = cls.company._crm_today()
        cls.this_month = cls.local_today.replace(day=1)
        cls.last_month = cls.this_month - relativedelta(months=1)
        cls.next_month = cls.this_month + relativedelta(months=1)
        user_values = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.team_leader = mail_new_test_user(
            cls.env,
            login="crm_collection_team_leader",
            groups="base.group_user,crm_customer.group_sale_team",
            **user_values,
        )
        cls.accountant = mail_new_test_user(
            cls.env,
            login="crm_collection_accountant",
            groups="base.group_user,account.group_account_manager",
            **user_values,
        )
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_collection_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            **user_values,
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Đội Miền Nam",
                "user_id": cls.team_leader.id,
                "member_ids": [Command.set(cls.salesman.ids)],
            }
        )
        cls.other_team = cls.env["crm.team"].create(
            {
                "name": "Đội Miền Bắc",
                "member_ids": [Command.set(cls.other_salesman.ids)],
            }
        )
        cls.customer.responsible_team_id = cls.team
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Dệt may Hà Nội",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.other_salesman.id,
                "responsible_team_id": cls.other_team.id,
            }
        )
        cls.Target = cls.env["crm.collection.target"]
        cls.Report = cls.env["crm.collection.report"]

    @classmethod
    def _target(cls, amount, month, user=None, team=None, as_user=None):
        values = {"year": month.year, "month": str(month.month), "amount": amount}
        if user:
            values["user_id"] = user.id
        if team:
            values["team_id"] = team.id
        return cls.Target.with_user(as_user or cls.sales_manager).create(values)

    def _figures(self, user, domain=(), by=("user_id",)):
        """{(group values..., month): (target, expected, collected)} of the report
        as ``user`` reads it."""
        groups = self.Report.with_user(user)._read_group(
            list(domain),
            [*by, "date:month"],
            ["target_amount:sum", "expected_amount:sum", "collected_amount:sum"],
        )
        return {
            tuple(group[: len(by) + 1]): tuple(group[len(by) + 1 :]) for group in groups
        }
