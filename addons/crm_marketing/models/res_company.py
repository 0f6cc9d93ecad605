from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    marketing_audience_limit = fields.Integer(
        string="Campaign Audience Limit",
        help="The most customers one campaign may target (your sending limit); "
        "0 for no limit.",
    )

    _sql_constraints = [
        (
            "marketing_audience_limit_positive",
            "CHECK(marketing_audience_limit >= 0)",
            "The campaign audience limit cannot be negative.",
        ),
    ]
