from odoo import api, fields, models


class CrmServiceContract(models.Model):
    _inherit = "crm.service.contract"

    goods_ids = fields.One2many(
        "crm.service.goods", "contract_id", string="Goods Covered"
    )
    goods_count = fields.Integer(compute="_compute_goods_count")

    @api.depends("goods_ids")
    def _compute_goods_count(self):
        counts = dict(
            self.env["crm.service.goods"]._read_group(
                [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
            )
        )
        for contract in self:
            contract.goods_count = counts.get(contract._origin, 0)
