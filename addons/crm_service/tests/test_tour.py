from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = mail_new_test_user(
            cls.env,
            login="crm_service_tour_agent",
            name="Tour Agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Tour Repairs", "user_ids": [cls.agent.id]}
        )
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "Tour Repair", "team_id": team.id}
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Tour Contact",
                "parent_id": customer.id,
                "email": "tour.contact@example.com",
            }
        )
        cls.article = cls.env["crm.service.article"].create(
            {
                "name": "Tour reefer article",
                "solution": "<p>Run a pre-trip inspection.</p>",
                "category_ids": [cls.category.id],
            }
        )
        # unfolded, so the tour finds it in the status bar
        cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").write(
            {
                "fold": False,
                "rating_mail_template_id": cls.env.ref(
                    "helpdesk_mgmt_rating.rating_ticket_email_template"
                ).id,
            }
        )

    def test_case_routed_solved_with_an_article_and_rated(self):
        self.start_tour(
            "/odoo", "crm_service_case_tour", login="crm_service_tour_agent"
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "Tour reefer alarm")]
        )
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(ticket.article_ids, self.article)
        self.assertTrue(ticket.closed)
        # the customer follows the link of the rating e-mail
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1)
        response = self.url_open(
            f"/rate/{rating.access_token}/submit_feedback",
            data={
                "rate": 5,
                "feedback": "Fixed in one visit",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(rating.consumed)
        self.assertEqual(rating.rating, 5)
        self.assertEqual(rating.rated_partner_id, self.agent.partner_id)
