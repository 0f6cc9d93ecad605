from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmMarketingCost(models.Model):
    _name = "crm.marketing.cost"
    _description = "Campaign Cost"
    _order = "date desc, id desc"
    _check_company_auto = True

    campaign_id = fields.Many2one(
        "utm.campaign",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    name = fields.Char(string="Description")
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("advertising", "Advertising"),
            ("event", "Event"),
            ("printing", "Printing"),
            ("gift", "Gifts and samples"),
            ("travel", "Travel and visits"),
            ("mailing", "E-mail and messaging"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    amount_company = fields.Monetary(
        string="Amount in Company Currency",
        currency_field="company_currency_id",
        compute="_compute_amount_company",
        store=True,
        aggregator="sum",
    )

    @api.depends("campaign_id")
    def _compute_company_id(self):
        for cost in self:
            cost.company_id = (
                cost.campaign_id.company_id or cost.company_id or self.env.company
            )

    @api.depends("amount", "currency_id", "date", "company_id")
    def _compute_amount_company(self):
        for cost in self:
            cost.amount_company = cost.currency_id._convert(
                cost.amount,
                cost.company_currency_id,
                cost.company_id,
                cost.date or fields.Date.context_today(cost),
            )

    @api.constrains("amount")
    def _check_amount(self):
        for cost in self:
            if cost.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The cost %(name)s of campaign %(campaign)s cannot be "
                        "negative.",
                        name=cost.name or cost.date,
                        campaign=cost.campaign_id.title,
                    )
                )
