from odoo import api, fields, models


class CrmReceivableAgingReport(models.TransientModel):
    """One row per customer, currency and aging bucket of one aging run: the pivot's
    rows. Filled in one INSERT by ``crm.receivable.aging.wizard``."""

    _name = "crm.receivable.aging.report"
    _description = "Receivable Aging"
    _order = "partner_id, currency_id, bucket"
    _rec_name = "partner_id"
    _check_company_auto = True

    wizard_id = fields.Many2one(
        "crm.receivable.aging.wizard",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", readonly=True, check_company=True
    )
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one(
        "crm.team", string="Sales Team", readonly=True, check_company=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    company_currency_id = fields.Many2one(
        "res.currency", string="Company Currency", related="company_id.currency_id"
    )
    bucket = fields.Selection(
        selection="_selection_bucket", string="Aging", readonly=True
    )
    amount_currency = fields.Monetary(
        string="Amount Due",
        currency_field="currency_id",
        readonly=True,
        help="Open amount in the currency of the invoices and payments.",
    )
    amount = fields.Monetary(
        string="Amount Due (Company Currency)",
        currency_field="company_currency_id",
        readonly=True,
    )

    @api.model
    def _selection_bucket(self):
        return self.env["crm.receivable.aging.wizard"]._get_bucket_selection(
            self.env.company
        )
