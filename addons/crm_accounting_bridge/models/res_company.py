from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_credit_control = fields.Selection(
        [
            ("none", "No Check"),
            ("warning", "Warn"),
            ("block", "Block"),
        ],
        string="Credit Control on Orders",
        default="warning",
        required=True,
        help="What confirming a sales order does when the customer would exceed its "
        "credit limit or has invoices overdue beyond its credit term: nothing, log a "
        "warning on the order, or refuse unless an accounting manager approved an "
        "exception.",
    )
