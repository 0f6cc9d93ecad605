from odoo import api, fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    service_contract_id = fields.Many2one(
        "crm.service.contract",
        index="btree_not_null",
        check_company=True,
        help="The service contract the task delivers.",
    )
    service_hours = fields.Float(
        string="Hours Spent on Cases",
        compute="_compute_service_hours",
        store=True,
        help="Working time spent on the task's service cases.",
    )

    @api.depends("ticket_ids.service_hours")
    def _compute_service_hours(self):
        hours = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("task_id", "in", self.ids)], ["task_id"], ["service_hours:sum"]
            )
        )
        for task in self:
            task.service_hours = hours.get(task._origin, 0.0)
