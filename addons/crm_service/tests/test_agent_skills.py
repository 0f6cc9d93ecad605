from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon

# Wednesday 25 November 2026, 9:00 UTC: inside the test calendar's working hours
WEDNESDAY_9 = "2026-11-25 09:00:00"


@tagged("post_install", "-at_install")
class TestAgentSkills(CrmServiceCommon):
    """Three agents: Lan (repairs, Vietnamese), Minh (repairs, reefer units,
    English) and Wei (customs questions, Chinese), in one team led by the leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_3 = mail_new_test_user(
            cls.env,
            login="crm_service_agent_3",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.lang_vi = cls.env.ref("base.lang_vi_VN")
        cls.lang_en = cls.env.ref("base.lang_en")
        cls.lang_zh = cls.env.ref("base.lang_zh_CN")
        cls.team.user_ids = cls.agent_1 | cls.agent_2 | cls.agent_3
        Skill = cls.env["crm.service.agent.skill"]
        Skill.create(
            [
                {"user_id": cls.agent_1.id, "category_id": cls.cat_repair.id},
                {
                    "user_id": cls.agent_1.id,
                    "skill_type": "language",
                    "lang_id": cls.lang_vi.id,
                },
                {"user_id": cls.agent_2.id, "category_id": cls.cat_repair.id},
                {
                    "user_id": cls.agent_2.id,
                    "skill_type": "product",
                    "product_id": cls.product.id,
                },
                {
                    "user_id": cls.agent_2.id,
                    "skill_type": "language",
                    "lang_id": cls.lang_en.id,
                },
                {"user_id": cls.agent_3.id, "category_id": cls.cat_question.id},
                {
                    "user_id": cls.agent_3.id,
                    "skill_type": "language",
                    "lang_id": cls.lang_zh.id,
                },
            ]
        )
        cls.contact.lang = "vi_VN"
        cls.other_contact.lang = "zh_CN"

    def _case(self, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_1)
            .create(
                {
                    "name": "Call",
                    "description": "<p>Call</p>",
                    "team_id": self.team.id,
                    **values,
                }
            )
        )

    @freeze_time(WEDNESDAY_9)
    def test_case_goes_to_the_agent_with_the_needed_skills(self):
        ticket = self._case(partner_id=self.contact.id, category_id=self.cat_repair.id)
        self.assertEqual(ticket.user_id, self.agent_1)
        self.assertIn(self.agent_1.name, ticket.assignment_reason)
        self.assertIn("Test Repair", ticket.assignment_reason)
        self.assertIn("0 open cases", ticket.assignment_reason)
        # and in the chatter
        self.assertTrue(
            ticket.message_ids.filtered(lambda m: ticket.assignment_reason in m.body)
        )
        ticket = self._case(
            partner_id=self.other_contact.id, category_id=self.cat_question.id
        )
        self.assertEqual(ticket.user_id, self.agent_3)

    @freeze_time(WEDNESDAY_9)
    def test_least_weighted_workload_wins_among_the_skilled(self):
        english = self.env["res.partner"].create(
            {"name": "John", "parent_id": self.customer.id, "lang": "en_US"}
        )
        self.env["crm.service.agent.skill"].create(
            {
                "user_id": self.agent_1.id,
                "skill_type": "language",
                "lang_id": self.lang_en.id,
            }
        )
        # Lan: one very high priority case (weight 4); Minh: two low ones (2)
        self._create_ticket(team_id=self.team.id, user_id=self.agent_1.id, priority="3")
        for _i in range(2):
            self._create_ticket(
                team_id=self.team.id, user_id=self.agent_2.id, priority="0"
            )
        ticket = self._case(partner_id=english.id, category_id=self.cat_repair.id)
        self.assertEqual(ticket.user_id, self.agent_2)
        self.assertIn("2 open cases", ticket.assignment_reason)
        self.assertIn("weighted workload 2", ticket.assignment_reason)

    @freeze_time(WEDNESDAY_9)
    def test_product_skill_is_needed_once_someone_declares_one(self):
        english = self.env["res.partner"].create(
            {"name": "John", "parent_id": self.customer.id, "lang": "en_US"}
        )
        ticket = self._case(
            partner_id=english.id,
            category_id=self.cat_repair.id,
            product_id=self.product.id,
        )
        self.assertEqual(ticket.user_id, self.agent_2)
        self.assertIn("Reefer unit", ticket.assignment_reason)

    @freeze_time(WEDNESDAY_9)
    def test_nobody_with_the_skills_falls_back_to_the_team_leader(self):
        # a Chinese-speaking customer with a repair: Wei does no repairs
        ticket = self._case(
            partner_id=self.other_contact.id, category_id=self.cat_repair.id
        )
        self.assertEqual(ticket.user_id, self.leader)
        self.assertIn("team leader", ticket.assignment_reason)

    @freeze_time(WEDNESDAY_9)
    def test_toggle_and_leaves_make_an_agent_unavailable(self):
        self.agent_1.with_user(self.agent_1).helpdesk_available = False
        ticket = self._case(partner_id=self.contact.id, category_id=self.cat_repair.id)
        self.assertEqual(ticket.user_id, self.leader)
        self.agent_1.with_user(self.agent_1).helpdesk_available = True
        # on leave for the whole week on her own calendar
        resource = self.env["resource.resource"].create(
            {
                "name": self.agent_1.name,
                "user_id": self.agent_1.id,
                "calendar_id": self.calendar.id,
            }
        )
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Annual leave",
                "calendar_id": self.calendar.id,
                "resource_id": resource.id,
                "date_from": datetime(2026, 11, 25, 0, 0),
                "date_to": datetime(2026, 11, 28, 0, 0),
            }
        )
        ticket = self._case(partner_id=self.contact.id, category_id=self.cat_repair.id)
        self.assertEqual(ticket.user_id, self.leader)
        # back the next morning: she gets cases again
        leave.date_to = datetime(2026, 11, 25, 23, 0)
        ticket = self._case(partner_id=self.contact.id, category_id=self.cat_repair.id)
        self.assertEqual(ticket.user_id, self.agent_1)

    def test_a_skill_needs_its_value(self):
        Skill = self.env["crm.service.agent.skill"]
        for kind in ("language", "product", "category"):
            with (
                self.assertRaisesRegex(ValidationError, "needs a value"),
                self.env.cr.savepoint(),
            ):
                Skill.create({"user_id": self.agent_1.id, "skill_type": kind})
        self.assertEqual(Skill.search_count([("user_id", "=", self.agent_1.id)]), 2)

    def test_agents_read_skills_managers_set_them(self):
        Skill = self.env["crm.service.agent.skill"]
        self.assertEqual(
            len(
                Skill.with_user(self.agent_1).search(
                    [("user_id", "=", self.agent_3.id)]
                )
            ),
            2,
        )
        with self.assertRaises(AccessError):
            Skill.with_user(self.agent_1).create(
                {"user_id": self.agent_1.id, "category_id": self.cat_question.id}
            )
        skill = Skill.with_user(self.manager).create(
            {"user_id": self.agent_1.id, "category_id": self.cat_question.id}
        )
        self.assertEqual(skill.display_name, "Test Question")
