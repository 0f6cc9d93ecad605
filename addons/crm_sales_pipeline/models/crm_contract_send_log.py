from odoo import fields, models


class CrmContractSendLog(models.Model):
    _name = "crm.contract.send.log"
    _description = "Contract Sending"
    _inherit = ["crm.send.log.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    contract_id = fields.Many2one(
        "crm.contract",
        string="Revision",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        context={"active_test": False},
    )
    # a contract is handed over or sent outside Odoo: the salesperson says so
    channel = fields.Selection(
        selection_add=[("manual", "Marked as Sent")],
        default="manual",
        ondelete={"manual": "cascade"},
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    company_id = fields.Many2one(
        related="contract_id.company_id", store=True, index=True
    )
