from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestSecurity(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="crm_service_portal_a",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.other_portal_user = mail_new_test_user(
            cls.env,
            login="crm_service_portal_b",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )
        cls.colleague = cls.env["res.partner"].create(
            {"name": "Trần Thị Hoa", "parent_id": cls.customer.id}
        )
        cls.ticket = cls._create_ticket(team_id=cls.team.id)
        cls.colleague_ticket = cls._create_ticket(
            team_id=cls.team.id, partner_id=cls.colleague.id
        )
        cls.other_ticket = cls._create_ticket(
            team_id=cls.other_team.id, partner_id=cls.other_contact.id
        )

    def test_agents_see_their_teams_cases(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        visible = Ticket.search([])
        self.assertIn(self.ticket, visible)
        self.assertNotIn(self.other_ticket, visible)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Helpdesk Ticket"
        ):
            self.other_ticket.with_user(self.agent_1).read(["name"])
        other_agent_visible = Ticket.with_user(self.agent_other).search([])
        self.assertIn(self.other_ticket, other_agent_visible)
        self.assertNotIn(self.ticket, other_agent_visible)

    def test_managers_see_every_case(self):
        visible = self.env["helpdesk.ticket"].with_user(self.manager).search([])
        self.assertTrue((self.ticket | self.other_ticket) <= visible)

    def test_portal_customers_see_only_their_company_cases(self):
        Ticket = self.env["helpdesk.ticket"]
        own = Ticket.with_user(self.portal_user).search([])
        self.assertEqual(own, self.ticket | self.colleague_ticket)
        other = Ticket.with_user(self.other_portal_user).search([])
        self.assertEqual(other, self.other_ticket)
        # direct access by id
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Helpdesk Ticket"
        ):
            self.other_ticket.with_user(self.portal_user).read(["name"])
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Helpdesk Ticket"
        ):
            self.ticket.with_user(self.other_portal_user).read(["name"])
        with assert_refused(
            self, AccessError, "not allowed to modify 'Helpdesk Ticket'"
        ):
            self.ticket.with_user(self.portal_user).write({"name": "Changed"})

    def test_portal_customers_read_no_contract_or_sla(self):
        contract = self.env["crm.service.contract"].create(
            {"name": "C", "partner_id": self.customer.id}
        )
        with assert_refused(
            self, AccessError, "not allowed to access 'Service Contract'"
        ):
            contract.with_user(self.portal_user).read(["name"])
        with assert_refused(
            self, AccessError, "not allowed to access 'Service Level Agreement'"
        ):
            self.env["crm.service.sla"].with_user(self.portal_user).search([])
