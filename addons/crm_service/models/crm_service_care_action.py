from odoo import fields, models

from .crm_service_care_campaign import CARE_TYPES


class CrmServiceCareAction(models.Model):
    _name = "crm.service.care.action"
    _description = "Customer Care Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "crm.service.care.campaign", index=True, ondelete="cascade", check_company=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    care_type = fields.Selection(CARE_TYPES, required=True, default="call")
    date = fields.Date(required=True, default=fields.Date.context_today)
    date_done = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True,
        default="planned",
        tracking=True,
    )
    result = fields.Text(help="What came out of it: answer, feedback, next step.")

    def action_done(self):
        for action in self:
            action.write(
                {"state": "done", "date_done": fields.Date.context_today(self)}
            )
            action.activity_ids.action_feedback(feedback=action.result or "")
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        self.activity_ids.unlink()
        return True

    def action_reset(self):
        self.write({"state": "planned", "date_done": False})
        return True
