from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCustomerFinancialYear(models.Model):
    _name = "crm.customer.financial.year"
    _description = "Customer Yearly Financial Figures"
    _order = "year desc"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    year = fields.Integer(required=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    revenue = fields.Monetary()
    profit = fields.Monetary(help="Net profit; negative for a loss.")
    headcount = fields.Integer()
    source = fields.Char(
        help="Where the figures come from: annual report, press, customer..."
    )

    _sql_constraints = [
        (
            "partner_year_unique",
            "unique(partner_id, year)",
            "The figures of a customer are kept once per year.",
        ),
    ]

    @api.constrains("year", "revenue", "headcount")
    def _check_figures(self):
        for figures in self:
            if not 1900 <= figures.year <= 2100:
                raise ValidationError(
                    self.env._("%(year)s is not a valid year.", year=figures.year)
                )
            if figures.revenue < 0 or figures.headcount < 0:
                raise ValidationError(
                    self.env._("Revenue and headcount cannot be negative.")
                )
