from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CrmCustomerCompetitorProduct(models.Model):
    _inherit = "crm.customer.competitor.product"

    winback_lead_id = fields.Many2one(
        "crm.lead",
        string="Win-back Opportunity",
        readonly=True,
        copy=False,
        check_company=True,
    )

    @api.model
    def _cron_create_winback_opportunities(self):
        """An opportunity to win the customer back, N days (company setting) before
        its contract with a competitor ends; once per competitor product."""
        todays = self.env["res.company"]._crm_todays()
        candidates = self.search(
            [
                ("contract_end_date", ">=", min(todays.values())),
                ("winback_lead_id", "=", False),
            ]
        )

        def is_due(product):
            company = product.company_id or self.env.company
            today = todays.get(company, company._crm_today())
            return (
                today
                <= product.contract_end_date
                <= today + relativedelta(days=company.winback_days)
            )

        due = candidates.filtered(is_due)
        for product in due:
            product.winback_lead_id = self.env["crm.lead"].create(
                product._prepare_winback_lead_values()
            )

    def _prepare_winback_lead_values(self):
        self.ensure_one()
        supplier = self.supplier_id.display_name or self.supplier_name
        return {
            "name": self.env._(
                "Win-back: %(product)s (%(supplier)s)",
                product=self.name,
                supplier=supplier or self.env._("competitor"),
            ),
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "user_id": (self.partner_id.user_id or self.user_id).id,
            "company_id": self.company_id.id,
            "competitor_id": self.supplier_id.id,
            "date_deadline": self.contract_end_date,
            "description": self.note,
        }
