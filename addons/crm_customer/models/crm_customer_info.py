from odoo import fields, models


class CrmCustomerInfo(models.Model):
    _name = "crm.customer.info"
    _description = "Customer Information Note"
    _inherit = ["crm.customer.record.mixin"]
    _order = "date desc, id desc"
    _rec_name = "content"

    content = fields.Text(required=True)
    source = fields.Char(
        help="Where the information comes from: a call, a fair, the press..."
    )
