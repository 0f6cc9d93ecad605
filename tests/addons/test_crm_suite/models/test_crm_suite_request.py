from odoo import fields, models


class CrmSuiteRequest(models.Model):
    """A request from sales to another team, at its smallest: what
    freight.request.mixin is tested on."""

    _name = "test.crm.suite.request"
    _inherit = ["freight.request.mixin"]
    _description = "Test Request"
    _request_sequence_code = "test.crm.suite.request"
    _request_opportunity_field = "opportunity_id"

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    opportunity_id = fields.Many2one("crm.lead")
    reason = fields.Text(readonly=True)

    def _apply_reason(self, reason):
        self.ensure_one()
        self._check_request_state(("sent",), "Only sent requests can be refused.")
        self.write({"state": "refused", "reason": reason})
        self._notify_salesperson(f"Refused: {reason}")
