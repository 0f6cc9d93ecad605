from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestDiagnosis(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = mail_new_test_user(
            cls.env,
            login="crm_service_diag_agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.article = cls.env["crm.service.article"].create(
            {"name": "Damage claim checklist"}
        )
        Node = cls.env["crm.service.diagnosis.node"]
        cls.claim = Node.create(
            {
                "name": "Damage claim",
                "category_id": cls.cat_repair.id,
                "article_id": cls.article.id,
            }
        )
        cls.question_end = Node.create(
            {"name": "A question", "category_id": cls.cat_question.id}
        )
        cls.start = Node.create(
            {
                "name": "Does the cargo show external damage?",
                "is_start": True,
                "answer_ids": [
                    Command.create({"name": "Yes", "next_node_id": cls.claim.id}),
                    Command.create({"name": "No", "next_node_id": cls.question_end.id}),
                ],
            }
        )
        cls.ticket = cls._create_ticket()
        # routing picks a member of the team: this agent handles the case
        cls.ticket.user_id = cls.agent

    def _wizard(self):
        wizard = Form(
            self.env["crm.service.diagnosis.wizard"]
            .with_user(self.agent)
            .with_context(default_ticket_id=self.ticket.id)
        )
        wizard.node_id = self.start
        return wizard.save()

    def test_agent_follows_the_tree_to_a_conclusion(self):
        wizard = self._wizard()
        with self.assertRaises(UserError):
            wizard.action_apply()
        wizard.answer_id = self.start.answer_ids.filtered(lambda a: a.name == "Yes")
        action = wizard.action_answer()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(wizard.node_id, self.claim)
        self.assertTrue(wizard.is_conclusion)
        wizard.action_apply()
        # the repair category routes the case to its team: read it as its manager
        ticket = self.ticket.with_user(self.manager)
        self.assertEqual(ticket.category_id, self.cat_repair)
        self.assertIn(self.article, ticket.article_ids)
        body = ticket.message_ids.filtered(lambda m: "Diagnosis" in (m.body or ""))[
            0
        ].body
        self.assertIn("Does the cargo show external damage? → Yes", body)
        self.assertIn("Damage claim", body)

    def test_answer_must_belong_to_the_question(self):
        wizard = self._wizard()
        with self.assertRaises(UserError):
            wizard.action_answer()
        other = self.env["crm.service.diagnosis.node"].create(
            {
                "name": "Other",
                "answer_ids": [
                    Command.create({"name": "Maybe", "next_node_id": self.claim.id})
                ],
            }
        )
        wizard.answer_id = other.answer_ids
        with self.assertRaises(UserError):
            wizard.action_answer()
        self.assertEqual(wizard.node_id, self.start)
        self.assertFalse(wizard.path)

    def test_a_conclusion_names_an_article_or_a_category(self):
        with self.assertRaises(ValidationError):
            self.env["crm.service.diagnosis.node"].with_user(self.agent).create(
                {"name": "Dead end"}
            )

    def test_answers_cannot_loop_back(self):
        with self.assertRaises(ValidationError):
            self.claim.with_user(self.agent).answer_ids = [
                Command.create({"name": "Again", "next_node_id": self.start.id})
            ]
        self.assertFalse(self.claim.answer_ids)

    def test_wizard_belongs_to_its_creator(self):
        wizard = self._wizard()
        other_agent = mail_new_test_user(
            self.env,
            login="crm_service_diag_agent_2",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        with self.assertRaises(AccessError):
            wizard.with_user(other_agent).read(["path"])

    def test_only_managers_delete_steps(self):
        with self.assertRaises(AccessError):
            self.question_end.with_user(self.agent).unlink()

    def test_deleting_a_step_takes_the_answers_leading_to_it(self):
        self.question_end.with_user(self.manager).unlink()
        self.assertEqual(self.start.answer_ids.mapped("name"), ["Yes"])
        self.assertEqual(self.start.answer_ids.next_node_id, self.claim)
