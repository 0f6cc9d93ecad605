from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


class KnowledgeCommon(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Article = cls.env["crm.service.article"]
        cls.public_article = Article.create(
            {
                "name": "Reefer alarm at start-up",
                "problem": "Alarm when plugged in",
                "solution": "<p>Run a pre-trip inspection first.</p>",
                "category_ids": [cls.cat_repair.id],
                "is_public": True,
            }
        )
        cls.internal_article = Article.create(
            {
                "name": "Internal escalation contacts",
                "solution": "<p>Call the depot manager.</p>",
                "is_public": False,
            }
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="crm_service_kb_portal_a",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.other_portal_user = mail_new_test_user(
            cls.env,
            login="crm_service_kb_portal_b",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )


@tagged("post_install", "-at_install")
class TestKnowledge(KnowledgeCommon):
    def test_turn_a_case_answer_into_an_article(self):
        self.contact.lang = "en_US"
        ticket = self._create_ticket(
            category_id=self.cat_repair.id,
            name="Alarm again",
            description="<p>The <b>alarm</b> rings</p>",
        )
        ticket.with_user(ticket.user_id).solution = "<p>Replace the sensor.</p>"
        action = ticket.with_user(ticket.user_id).action_create_article()
        article = self.env["crm.service.article"].browse(action["res_id"])
        self.assertEqual(article.name, "Alarm again")
        self.assertEqual(article.problem.strip(), "The *alarm* rings")
        self.assertIn("Replace the sensor", article.solution)
        self.assertEqual(article.category_ids, self.cat_repair)
        self.assertEqual(article.lang_id.code, "en_US")
        self.assertFalse(article.is_public)
        self.assertEqual(ticket.article_ids, article)
        self.assertEqual(article.ticket_count, 1)

    def test_agent_links_an_article_found_from_the_case(self):
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        agent = ticket.user_id
        action = ticket.with_user(agent).action_find_articles()
        self.assertEqual(
            action["context"]["search_default_category_ids"], self.cat_repair.id
        )
        found = (
            self.env["crm.service.article"]
            .with_user(agent)
            .search([("category_ids", "in", self.cat_repair.ids)])
        )
        self.assertEqual(found, self.public_article)
        found.with_context(**action["context"]).action_link_to_ticket()
        self.assertEqual(ticket.article_ids, self.public_article)
        self.assertEqual(self.public_article.ticket_count, 1)

    def test_only_managers_delete_articles(self):
        with assert_refused(
            self, AccessError, "not allowed to delete 'Solution Article'"
        ):
            self.internal_article.with_user(self.agent_1).unlink()
        self.internal_article.with_user(self.manager).unlink()
        self.assertFalse(self.internal_article.exists())

    def test_portal_users_read_only_public_articles(self):
        for user in (self.portal_user, self.other_portal_user):
            Article = self.env["crm.service.article"].with_user(user)
            both = (self.public_article | self.internal_article).ids
            self.assertEqual(Article.search([("id", "in", both)]), self.public_article)
            with assert_refused(
                self,
                AccessError,
                r"doesn't have 'read' access to:\s+- Solution Article",
            ):
                self.internal_article.with_user(user).read(["solution"])
            with assert_refused(
                self, AccessError, "not allowed to modify 'Solution Article'"
            ):
                self.public_article.with_user(user).write({"name": "Hacked"})


@tagged("post_install", "-at_install")
class TestPortalPages(HttpCase, KnowledgeCommon):
    def test_portal_article_pages(self):
        self.authenticate("crm_service_kb_portal_a", "crm_service_kb_portal_a")
        response = self.url_open("/my/articles")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Reefer alarm at start-up", response.text)
        self.assertNotIn("Internal escalation contacts", response.text)
        response = self.url_open(f"/my/articles/{self.public_article.id}")
        self.assertIn("Run a pre-trip inspection first.", response.text)
        response = self.url_open(f"/my/articles/{self.internal_article.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Call the depot manager", response.text)

    def test_portal_case_page_of_another_customer_is_refused(self):
        own = self._create_ticket(name="Own reefer case")
        other = self._create_ticket(
            name="Other customer forklift case", partner_id=self.other_contact.id
        )
        self.authenticate("crm_service_kb_portal_a", "crm_service_kb_portal_a")
        response = self.url_open(f"/my/ticket/{own.id}")
        self.assertIn("Own reefer case", response.text)
        response = self.url_open(f"/my/ticket/{other.id}")
        self.assertNotIn("Other customer forklift case", response.text)
