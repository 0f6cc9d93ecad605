from odoo import fields, models


class CrmCustomerNews(models.Model):
    _name = "crm.customer.news"
    _description = "News About a Customer"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    source = fields.Char(help="Newspaper, TV channel, website...")
    url = fields.Char(string="Link")
    summary = fields.Text(required=True)
