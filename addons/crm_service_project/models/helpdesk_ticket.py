from odoo import models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def action_open_task(self):
        """Open the project task that delivers the case, in the case's project or
        its team's."""
        self.ensure_one()
        if self.task_id:
            return self._get_task_action(self.task_id)
        project = self.project_id or self.team_id.default_project_id
        if not project:
            raise UserError(
                self.env._(
                    "Choose the project of the case %(case)s (or a default project "
                    "on its team) before opening a task.",
                    case=self.name,
                )
            )
        task = self.env["project.task"].create(self._prepare_task_values(project))
        self.write({"project_id": project.id, "task_id": task.id})
        self.message_post(
            body=self.env._("Task %(task)s opened.", task=task.display_name),
            subtype_xmlid="mail.mt_note",
        )
        return self._get_task_action(task)

    def _prepare_task_values(self, project):
        self.ensure_one()
        return {
            "name": self.name,
            "project_id": project.id,
            "partner_id": self.partner_id.id,
            "description": self.description,
            "service_contract_id": self.contract_id.id,
            "user_ids": [(6, 0, self.user_id.ids)],
            "company_id": project.company_id.id or self.company_id.id,
        }

    def _get_task_action(self, task):
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": task.id,
            "view_mode": "form",
        }
