from odoo import fields, models


class CrmCustomerRecordMixin(models.AbstractModel):
    """What every record kept on a customer shares: the customer, when, who logged it,
    the company. Record rules (own / all documents) are written against these fields."""

    _name = "crm.customer.record.mixin"
    _description = "Customer Record"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        check_company=True,
        domain="[('is_customer_file', '=', True)]",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    note = fields.Text()
