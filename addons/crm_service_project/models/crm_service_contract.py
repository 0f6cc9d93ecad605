from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmServiceContract(models.Model):
    _inherit = "crm.service.contract"

    project_id = fields.Many2one(
        "project.project",
        check_company=True,
        help="The project in which the contract's service tasks are planned.",
    )
    task_ids = fields.One2many("project.task", "service_contract_id", string="Tasks")
    task_count = fields.Integer(compute="_compute_task_count")

    @api.depends("task_ids")
    def _compute_task_count(self):
        counts = dict(
            self.env["project.task"]._read_group(
                [("service_contract_id", "in", self.ids)],
                ["service_contract_id"],
                ["__count"],
            )
        )
        for contract in self:
            contract.task_count = counts.get(contract._origin, 0)

    def action_open_task(self):
        """Plan a service task of the contract in its project."""
        self.ensure_one()
        if not self.project_id:
            raise UserError(
                self.env._(
                    "Choose the project of the service contract %(contract)s before "
                    "planning a task.",
                    contract=self.name,
                )
            )
        task = self.env["project.task"].create(
            {
                "name": self.name,
                "project_id": self.project_id.id,
                "partner_id": self.partner_id.id,
                "service_contract_id": self.id,
                "allocated_hours": self.quantity if self.unit == "hours" else 0.0,
                "company_id": self.company_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.task",
            "res_id": task.id,
            "view_mode": "form",
        }

    def action_view_tasks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Tasks"),
            "res_model": "project.task",
            "view_mode": "list,form",
            "domain": [("service_contract_id", "=", self.id)],
            "context": {
                "default_service_contract_id": self.id,
                "default_project_id": self.project_id.id,
                "default_partner_id": self.partner_id.id,
            },
        }
