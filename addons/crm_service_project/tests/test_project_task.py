from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.crm_service.tests.common import CrmServiceCommon
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestProjectServices(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a team agent who also delivers project services
        cls.project_agent = mail_new_test_user(
            cls.env,
            login="crm_service_project_agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team,"
            "project.group_project_user",
        )
        cls.team.user_ids |= cls.project_agent
        cls.contract_manager = mail_new_test_user(
            cls.env,
            login="crm_service_project_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager,"
            "project.group_project_user",
        )
        cls.project = cls.env["project.project"].create(
            {"name": "Cold-chain installations", "partner_id": cls.customer.id}
        )
        cls.contract = cls.env["crm.service.contract"].create(
            {
                "name": "Installation hours",
                "partner_id": cls.customer.id,
                "unit": "hours",
                "quantity": 16,
            }
        )

    def _case(self, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.project_agent)
            .create(
                {
                    "name": "Install the reefer monitoring",
                    "description": "<p>Two sites</p>",
                    "partner_id": self.contact.id,
                    "user_id": self.project_agent.id,
                    **values,
                }
            )
        )

    def test_case_opens_a_task_in_its_team_project(self):
        self.team.default_project_id = self.project
        ticket = self._case(team_id=self.team.id)
        action = ticket.action_open_task()
        task = ticket.task_id
        self.assertEqual(action["res_id"], task.id)
        self.assertEqual(task.project_id, self.project)
        self.assertEqual(ticket.project_id, self.project)
        self.assertEqual(task.name, ticket.name)
        self.assertEqual(task.partner_id, self.contact)
        self.assertEqual(task.user_ids, self.project_agent)
        self.assertIn(
            f"Task {task.display_name} opened.", ticket.message_ids.mapped("preview")
        )
        # a second click opens the same task
        self.assertEqual(ticket.action_open_task()["res_id"], task.id)
        self.assertEqual(len(self.project.task_ids), 1)
        # the hours spent on the case count on the task
        ticket.service_hours = 2.5
        self.assertEqual(task.service_hours, 2.5)
        self._case(project_id=self.project.id, task_id=task.id, service_hours=1.0)
        self.assertEqual(task.service_hours, 3.5)

    def test_case_without_project_refused(self):
        ticket = self._case()
        with self.assertRaises(UserError) as caught:
            ticket.action_open_task()
        self.assertIn("Choose the project of the case", str(caught.exception))
        self.assertFalse(ticket.task_id)

    def test_contract_plans_a_task(self):
        contract = self.contract.with_user(self.contract_manager)
        with self.assertRaises(UserError):
            contract.action_open_task()
        contract.project_id = self.project
        task = self.env["project.task"].browse(contract.action_open_task()["res_id"])
        self.assertEqual(task.service_contract_id, self.contract)
        self.assertEqual(task.allocated_hours, 16)
        self.assertEqual(contract.task_count, 1)
