from odoo import api, fields, models


class CrmServiceDiagnosisAnswer(models.Model):
    _name = "crm.service.diagnosis.answer"
    _description = "Diagnosis Answer"
    _order = "node_id, sequence, id"
    _check_company_auto = True

    node_id = fields.Many2one(
        "crm.service.diagnosis.node",
        string="Question",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Answer", required=True, translate=True)
    next_node_id = fields.Many2one(
        "crm.service.diagnosis.node",
        string="Next Step",
        required=True,
        index=True,
        # a step deleted takes the answers leading to it (their question keeps the
        # others); restrict would refuse the step in a raw database error
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="node_id.company_id", store=True, index=True, precompute=True
    )

    @api.constrains("node_id", "next_node_id")
    def _check_next_node_id(self):
        self.node_id._check_no_loop()
