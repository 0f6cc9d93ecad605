from odoo.tests import Form, tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestRouting(CrmServiceCommon):
    def test_category_sends_the_case_to_its_team(self):
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(ticket.team_id, self.team)
        self.assertIn(ticket.user_id, self.agent_1 | self.agent_2)

    def test_form_routes_by_category_despite_creator_default(self):
        self.company.helpdesk_mgmt_ticket_auto_assign = True
        with Form(self.env["helpdesk.ticket"].with_user(self.agent_1)) as form:
            self.assertFalse(form.user_id)
            form.name = "Form case"
            form.description = "<p>Alarm</p>"
            form.partner_id = self.contact
            form.category_id = self.cat_repair
            self.assertEqual(form.team_id, self.team)
        ticket = form.save()
        self.assertIn(ticket.user_id, self.agent_1 | self.agent_2)

    def test_given_team_wins_over_the_category_team(self):
        ticket = self._create_ticket(
            category_id=self.cat_repair.id, team_id=self.other_team.id
        )
        self.assertEqual(ticket.team_id, self.other_team)
        self.assertEqual(ticket.user_id, self.agent_other)

    def test_balanced_goes_to_the_agent_with_fewest_open_cases(self):
        self._create_ticket(team_id=self.team.id, user_id=self.agent_1.id)
        self._create_ticket(team_id=self.team.id, user_id=self.agent_1.id)
        self._create_ticket(team_id=self.team.id, user_id=self.agent_2.id)
        ticket = self._create_ticket(team_id=self.team.id)
        self.assertEqual(ticket.user_id, self.agent_2)
        # closed cases do not count
        self.env["helpdesk.ticket"].search(
            [("user_id", "=", self.agent_1.id)]
        ).stage_id = self.stage_done
        ticket = self._create_ticket(team_id=self.team.id)
        self.assertEqual(ticket.user_id, self.agent_1)

    def test_unavailable_agent_gets_no_new_case(self):
        self._create_ticket(team_id=self.team.id, user_id=self.agent_2.id)
        self.agent_1.with_user(self.agent_1).helpdesk_available = False
        tickets = self._create_ticket(team_id=self.team.id) | self._create_ticket(
            team_id=self.team.id
        )
        self.assertEqual(tickets.user_id, self.agent_2)
        self.agent_2.helpdesk_available = False
        # nobody is free: the team leader takes it
        ticket = self._create_ticket(team_id=self.team.id)
        self.assertEqual(ticket.user_id, self.leader)
        self.assertIn("team leader", ticket.assignment_reason)
        self.team.user_id = False
        self.assertFalse(self._create_ticket(team_id=self.team.id).user_id)

    def test_round_robin_takes_turns(self):
        self.team.assignment_method = "round_robin"
        agents = [self._create_ticket(team_id=self.team.id).user_id for _i in range(4)]
        self.assertEqual(
            agents, [self.agent_1, self.agent_2, self.agent_1, self.agent_2]
        )

    def test_manual_leaves_helpdesk_default(self):
        self.team.assignment_method = "manual"
        self.company.helpdesk_mgmt_ticket_auto_assign = False
        self.assertFalse(self._create_ticket(team_id=self.team.id).user_id)
        # helpdesk_mgmt's own setting gives it to its creator
        self.company.helpdesk_mgmt_ticket_auto_assign = True
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_1)
            .with_context(default_team_id=self.team.id)
            .create(
                {
                    "name": "Walk-in",
                    "description": "<p>At the counter</p>",
                }
            )
        )
        self.assertEqual(ticket.user_id, self.agent_1)

    def test_agent_creates_a_case_routed_in_his_team(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_1)
            .create(
                {
                    "name": "Phone call",
                    "description": "<p>Call</p>",
                    "partner_id": self.contact.id,
                    "category_id": self.cat_repair.id,
                }
            )
        )
        self.assertEqual(ticket.team_id, self.team)
        self.assertTrue(ticket.user_id)


@tagged("post_install", "-at_install")
class TestTimeline(CrmServiceCommon):
    def test_cases_appear_on_the_customer_timeline(self):
        ticket = self._create_ticket(name="Reefer alarm")
        entries = self.env["crm.customer.timeline"].search(
            [("partner_id", "=", self.customer.id)]
        )
        entry = entries.filtered(lambda e: e.res_model == "helpdesk.ticket")
        self.assertEqual(entry.res_id, ticket.id)
        self.assertEqual(entry.name, f"{ticket.number} - Reefer alarm")
