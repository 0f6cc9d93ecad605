from odoo import fields, models


class CrmLeadFreightContainer(models.Model):
    _name = "crm.lead.freight.container"
    _inherit = ["freight.shipment.container.mixin"]
    _description = "Containers of a Freight Opportunity"

    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade", index=True)
