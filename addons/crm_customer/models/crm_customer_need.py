from odoo import api, fields, models
from odoo.exceptions import ValidationError

MONTHS = [(str(month), str(month)) for month in range(1, 13)]


class CrmCustomerNeed(models.Model):
    _name = "crm.customer.need"
    _description = "Customer Need"
    _inherit = ["crm.customer.record.mixin", "mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Need",
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product or Service",
        index=True,
        check_company=True,
    )
    quantity = fields.Float(digits="Product Unit of Measure", default=1.0)
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit of Measure",
        compute="_compute_uom_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    budget = fields.Monetary(tracking=True)
    expected_month = fields.Selection(MONTHS, string="Expected Purchase Month")
    expected_year = fields.Integer(string="Expected Purchase Year")
    implementation_time = fields.Char(
        help="When or how long the customer plans to deploy."
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "Being Followed Up"),
            ("won", "Won"),
            ("lost", "Lost"),
        ],
        string="Status",
        default="open",
        required=True,
        tracking=True,
    )

    @api.depends("product_id")
    def _compute_name(self):
        for need in self:
            if need.product_id and not need.name:
                need.name = need.product_id.display_name

    @api.depends("product_id")
    def _compute_uom_id(self):
        for need in self:
            if need.product_id:
                need.uom_id = need.product_id.uom_id

    @api.constrains("budget", "quantity", "expected_year")
    def _check_figures(self):
        for need in self:
            if need.budget < 0 or need.quantity < 0:
                raise ValidationError(
                    self.env._(
                        "The budget and quantity of the need %(need)s cannot be "
                        "negative.",
                        need=need.name,
                    )
                )
            if need.expected_year and not 2000 <= need.expected_year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a plausible purchase year.",
                        year=need.expected_year,
                    )
                )
