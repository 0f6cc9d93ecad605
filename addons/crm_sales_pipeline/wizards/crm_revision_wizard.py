from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmRevisionWizard(models.TransientModel):
    _name = "crm.revision.wizard"
    _description = "New Revision"

    res_model = fields.Char(string="Document Model", required=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True
    )
    res_name = fields.Char(string="Document", compute="_compute_res_name")
    reason = fields.Text(
        required=True,
        help="Why the document changes, e.g. the customer asked for a lower rate.",
    )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for wizard in self:
            wizard.res_name = wizard._record().display_name

    def _record(self):
        if self.res_model not in self.env or not isinstance(
            self.env[self.res_model], self.pool["crm.revision.mixin"]
        ):
            raise UserError(self.env._("This document cannot be revised."))
        return self.env[self.res_model].browse(self.res_id)

    def action_create_revision(self):
        self.ensure_one()
        revision = self._record()._create_revision(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": revision._name,
            "res_id": revision.id,
            "view_mode": "form",
            "target": "current",
        }
