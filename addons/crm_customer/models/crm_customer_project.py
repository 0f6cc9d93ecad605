from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCustomerProject(models.Model):
    _name = "crm.customer.project"
    _description = "Customer Project"
    _inherit = ["crm.customer.record.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, tracking=True)
    date = fields.Date(string="Quotation Date")
    product_id = fields.Many2one(
        "product.product",
        string="Product or Service",
        index=True,
        check_company=True,
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    value = fields.Monetary(tracking=True, aggregator="sum")
    state = fields.Selection(
        [
            ("draft", "Prospecting"),
            ("quoted", "Quoted"),
            ("won", "Won"),
            ("lost", "Lost"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
    )

    @api.constrains("value")
    def _check_value(self):
        for project in self:
            if project.value < 0:
                raise ValidationError(
                    self.env._(
                        "The value of the project %(project)s cannot be negative.",
                        project=project.name,
                    )
                )
