from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


class CrmServiceCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # Monday to Friday, 8:00-12:00 and 13:00-17:00, in UTC for readable tests
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Service test hours", "tz": "UTC", "company_id": cls.company.id}
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.manager = mail_new_test_user(
            cls.env,
            login="crm_service_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
        )
        cls.leader = mail_new_test_user(
            cls.env,
            login="crm_service_leader",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.agent_1 = mail_new_test_user(
            cls.env,
            login="crm_service_agent_1",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.agent_2 = mail_new_test_user(
            cls.env,
            login="crm_service_agent_2",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.agent_other = mail_new_test_user(
            cls.env,
            login="crm_service_agent_other",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        Team = cls.env["helpdesk.ticket.team"]
        cls.team = Team.create(
            {
                "name": "Test Care",
                "alias_name": "care-test",
                "user_id": cls.leader.id,
                "user_ids": [cls.agent_1.id, cls.agent_2.id],
                "assignment_method": "balanced",
                "contract_policy": "warn",
            }
        )
        cls.other_team = Team.create(
            {
                "name": "Test Other",
                "alias_name": "other-test",
                "user_ids": [cls.agent_other.id],
            }
        )
        Category = cls.env["helpdesk.ticket.category"]
        cls.cat_repair = Category.create(
            {"name": "Test Repair", "team_id": cls.team.id}
        )
        cls.cat_question = Category.create({"name": "Test Question"})
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Biển Xanh JSC", "is_company": True})
        cls.contact = Partner.create(
            {
                "name": "Nguyễn Văn Minh",
                "parent_id": cls.customer.id,
                "email": "minh@bienxanh.example.com",
            }
        )
        cls.other_customer = Partner.create(
            {"name": "深圳华联物流", "is_company": True}
        )
        cls.other_contact = Partner.create(
            {
                "name": "王伟",
                "parent_id": cls.other_customer.id,
                "email": "wang@hualian.example.com",
            }
        )
        cls.product = cls.env["product.product"].create({"name": "Reefer unit"})
        cls.other_product = cls.env["product.product"].create({"name": "Forklift"})

    @classmethod
    def _create_ticket(cls, **values):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Test case",
                "description": "<p>It broke</p>",
                "partner_id": cls.contact.id,
                **values,
            }
        )
