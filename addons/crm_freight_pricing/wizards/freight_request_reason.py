from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class FreightRequestReason(models.TransientModel):
    """The reason an answer to a request needs (an inquiry rejected, a booking
    request returned): given here, told to the salesperson by the request."""

    _name = "freight.request.reason"
    _description = "Reason for Answering a Request"

    res_model = fields.Selection(
        selection="_selection_res_model", string="Request Model", required=True
    )
    res_id = fields.Many2oneReference(
        string="Request ID", model_field="res_model", required=True
    )
    request_name = fields.Char(string="Request", compute="_compute_request_name")
    reason = fields.Text(required=True, help="Told to the salesperson.")

    @api.model
    def _selection_res_model(self):
        return [
            (name, self.env[name]._description)
            for name in self.env["freight.request.mixin"]._inherit_children
            if not self.env[name]._abstract
        ]

    @api.constrains("res_model")
    def _check_res_model(self):
        # a dynamic selection is not validated by the ORM
        requests = self.env["freight.request.mixin"]._inherit_children
        for wizard in self:
            if wizard.res_model not in requests:
                raise ValidationError(
                    self.env._(
                        "A reason answers a request, not a record of %(model)s.",
                        model=wizard.res_model,
                    )
                )

    @api.depends("res_model", "res_id")
    def _compute_request_name(self):
        for wizard in self:
            wizard.request_name = wizard._get_request().display_name

    def _get_request(self):
        self.ensure_one()
        if not (self.res_model and self.res_id):
            return self.env["freight.request.mixin"]
        return self.env[self.res_model].browse(self.res_id)

    def action_confirm(self):
        self.ensure_one()
        request = self._get_request()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(request._get_reason_required_message())
        request._apply_reason(reason)
        return {"type": "ir.actions.act_window_close"}
