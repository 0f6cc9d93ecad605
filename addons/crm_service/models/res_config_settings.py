from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # the calendar the SLA deadlines are planned on (Odoo's company working hours)
    crm_service_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id",
        readonly=False,
        string="Working Hours",
    )
    crm_service_sla_count = fields.Integer(
        string="Service Level Agreements", compute="_compute_crm_service_sla_count"
    )

    def _compute_crm_service_sla_count(self):
        for settings in self:
            settings.crm_service_sla_count = self.env["crm.service.sla"].search_count(
                [("company_id", "in", [settings.company_id.id, False])]
            )
