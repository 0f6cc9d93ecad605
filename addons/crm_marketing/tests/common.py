from freezegun import freeze_time

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class CrmMarketingCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(freeze_time("2027-01-15 10:00:00"))
        cls.company = cls.env.company
        cls.marketing_user = mail_new_test_user(
            cls.env,
            login="crm_marketing_user",
            groups="base.group_user,crm_marketing.group_marketing_user",
        )
        cls.marketing_manager = mail_new_test_user(
            cls.env,
            login="crm_marketing_manager",
            groups="base.group_user,crm_marketing.group_marketing_manager",
        )
        cls.salesman = mail_new_test_user(
            cls.env,
            login="crm_marketing_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.team = cls.env["crm.team"].create({"name": "Miền Bắc Sales"})
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Won (test)", "is_won": True, "sequence": 99}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Thành Công Textile", "is_company": True}
        )

    @classmethod
    def _campaign(cls, **values):
        return cls.env["utm.campaign"].create(
            {
                "title": "Cát Lái → Busan weekly",
                "date_start": "2027-01-01",
                "date_end": "2027-03-31",
                "team_id": cls.team.id,
                **values,
            }
        )

    @classmethod
    def _lead(cls, campaign, kind="lead", won=False, lost=False, revenue=0.0, **values):
        lead = cls.env["crm.lead"].create(
            {
                "name": f"{campaign.title} lead",
                "type": kind,
                "campaign_id": campaign.id,
                "expected_revenue": revenue,
                "partner_id": cls.customer.id,
                **values,
            }
        )
        if won:
            lead.stage_id = cls.won_stage
        if lost:
            lead.action_set_lost()
        return lead
