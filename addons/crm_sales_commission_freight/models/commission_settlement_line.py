from odoo import fields, models


class CommissionSettlementLine(models.Model):
    _inherit = "commission.settlement.line"

    note = fields.Selection(
        selection_add=[("lane", "Excluded lane")], ondelete={"lane": "set null"}
    )
