from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_goods_ids = fields.One2many("crm.service.goods", "partner_id", string="Goods")
    crm_goods_count = fields.Integer(
        string="Goods Count", compute="_compute_crm_goods_count"
    )

    @api.depends("crm_goods_ids")
    def _compute_crm_goods_count(self):
        counts = dict(
            self.env["crm.service.goods"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.crm_goods_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_crm_goods(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service_stock.crm_service_goods_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
