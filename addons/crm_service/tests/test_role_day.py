"""A service agent's day: a case from new to solved and rated, acting as in a web
request with only the agent's group."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestRoleDay(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.user_ids = cls.agent_1
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_in_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done.rating_mail_template_id = cls.env.ref(
            "helpdesk_mgmt_rating.rating_ticket_email_template"
        )
        cls.article = cls.env["crm.service.article"].create(
            {
                "name": "Báo động máy lạnh container",
                "solution": "<p>Kiểm tra trước chuyến (PTI).</p>",
                "category_ids": [cls.cat_repair.id],
            }
        )

    def test_agent_takes_a_case_from_new_to_solved_and_rated(self):
        ticket = as_request(self.agent_1, self.env["helpdesk.ticket"]).create(
            {
                "name": "Container lạnh báo động",
                "description": "<p>Báo động mỗi lần khởi động</p>",
                "partner_id": self.contact.id,
                "category_id": self.cat_repair.id,
            }
        )
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.agent_1)
        self.assertEqual(ticket.stage_id, self.stage_new)

        ticket = as_request(self.agent_1, ticket)
        ticket.stage_id = self.stage_in_progress
        action = ticket.action_find_articles()
        articles = (
            as_request(self.agent_1, self.env["crm.service.article"])
            .with_context(**action["context"])
            .search([("category_ids", "in", self.cat_repair.ids)])
        )
        self.assertEqual(articles, self.article)
        articles.action_link_to_ticket()
        ticket = as_request(self.agent_1, ticket)
        self.assertEqual(ticket.article_ids, self.article)
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)

        # the customer answers the rating request (the public route's token check)
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1)
        self.env["helpdesk.ticket"].browse(ticket.id).rating_apply(
            5, token=rating.access_token, feedback="Sửa xong trong một lần"
        )
        ticket = as_request(self.agent_1, ticket)
        self.assertEqual(ticket.rating_ids.rating, 5)
        self.assertEqual(ticket.rating_ids.rated_partner_id, self.agent_1.partner_id)

    def test_agent_does_not_work_other_teams_cases(self):
        other = self._create_ticket(team_id=self.other_team.id)
        with self.assertRaisesRegex(AccessError, r"\(helpdesk\.ticket\)"):
            as_request(self.agent_1, other).write({"stage_id": self.stage_done.id})
        self.assertFalse(other.closed)


@tagged("post_install", "-at_install")
class TestPortalCustomerDay(CrmServiceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        mail_new_test_user(
            cls.env,
            login="crm_service_day_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.own_case = cls._create_ticket(name="Own reefer alarm case")
        cls.other_case = cls._create_ticket(
            name="Other forklift case", partner_id=cls.other_contact.id
        )

    def test_portal_customer_sees_own_cases_only(self):
        self.authenticate("crm_service_day_portal", "crm_service_day_portal")
        response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Own reefer alarm case", response.text)
        self.assertNotIn("Other forklift case", response.text)
        response = self.url_open(f"/my/ticket/{self.own_case.id}")
        self.assertIn("Own reefer alarm case", response.text)
        response = self.url_open(f"/my/ticket/{self.other_case.id}")
        self.assertNotIn("Other forklift case", response.text)
