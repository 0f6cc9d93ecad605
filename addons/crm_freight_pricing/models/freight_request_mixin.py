from odoo import api, fields, models
from odoo.exceptions import UserError

REASON_WIZARD = "freight.request.reason"


class FreightRequestMixin(models.AbstractModel):
    """What a request from sales to another team has: a reference from the model's
    sequence, a salesperson who is told of each answer, the expected profit of the
    opportunity, deletion while a draft only, and answers needing a reason given in
    the `freight.request.reason` wizard.

    The model declares `_request_sequence_code` (its ir.sequence code) and
    `_request_opportunity_field` (path to its opportunity; the first field of the
    path triggers the expected profit), has a `state` with "draft" and "cancel", a
    `company_id`, and implements the two messages and `_apply_reason()`.
    """

    _name = "freight.request.mixin"
    _inherit = ["mail.thread"]
    _description = "Freight Request Mixin"

    _request_sequence_code = None
    _request_opportunity_field = None
    _request_deletable_states = ("draft", "cancel")

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        index="trigram",
    )
    company_id = fields.Many2one("res.company")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    expected_profit = fields.Monetary(
        currency_field="company_currency_id",
        compute="_compute_expected_profit",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends(
        lambda self: (
            [self._request_opportunity_field.split(".")[0]]
            if self._request_opportunity_field
            else []
        )
    )
    def _compute_expected_profit(self):
        if not self._request_opportunity_field:
            return
        for request in self:
            opportunity = request.mapped(self._request_opportunity_field)
            if opportunity:
                request.expected_profit = opportunity.expected_profit

    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if vals.get("name", new) == new:
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code(self._request_sequence_code)
                    or new
                )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if any(request.state not in self._request_deletable_states for request in self):
            raise UserError(self._get_delete_refused_message())

    # ------------------------------------------------------------
    # Hooks of the model
    # ------------------------------------------------------------

    def _get_delete_refused_message(self):
        """The translated refusal to delete a request past its draft."""
        return self.env._("Only draft or cancelled requests can be deleted.")

    def _get_reason_required_message(self):
        """The translated refusal of an answer given without a reason."""
        return self.env._("Say why.")

    def _apply_reason(self, reason):
        """Answer the request with `reason` (stripped, never empty), as the
        reason wizard's user."""
        raise NotImplementedError

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _check_request_state(self, states, message):
        """Refuse with `message` unless every request is in one of `states`."""
        if any(request.state not in states for request in self):
            raise UserError(message)

    def _action_open_reason_wizard(self, title, view_xmlid):
        """The reason wizard answering this request, in the model's own form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": REASON_WIZARD,
            "view_mode": "form",
            "views": [(self.env.ref(view_xmlid).id, "form")],
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def _notify_salesperson(self, body):
        """Post `body` to the request's salesperson, as a comment she is sent."""
        self.ensure_one()
        self.message_post(
            body=body,
            partner_ids=self.user_id.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
