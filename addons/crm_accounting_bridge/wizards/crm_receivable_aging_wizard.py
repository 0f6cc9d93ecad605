from collections import defaultdict

from odoo import fields, models


class CrmReceivableAgingWizard(models.TransientModel):
    """The user's choices for the aging of the current company's open receivables
    per customer, as of a date: shown as a pivot (rows filled by
    ``crm.receivable.aging.report``, which holds the queries) or streamed to an xlsx
    file through crm_customer's export route."""

    _name = "crm.receivable.aging.wizard"
    _inherit = "crm.customer.xlsx.export"
    _description = "Receivable Aging"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(
        string="As of",
        required=True,
        default=fields.Date.context_today,
        help="Items posted until this date, less what was paid until this date, "
        "aged on this date.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Salespeople",
        domain="[('share', '=', False)]",
        help="Only the customers of these salespeople.",
    )
    team_ids = fields.Many2many(
        "crm.team",
        string="Sales Teams",
        help="Only the customers these teams are responsible for.",
    )
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        string="Classifications",
        help="Only the customers classified under these values or their sub-values; "
        "values of different criteria must all match.",
    )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_report(self):
        self.ensure_one()
        self.env["crm.receivable.aging.report"]._fill(
            self.id, self.company_id, self.date, self._get_partner_domain()
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_accounting_bridge.crm_receivable_aging_report_action"
        )
        action["domain"] = [("wizard_id", "=", self.id)]
        return action

    # ------------------------------------------------------------
    # CHOICES
    # ------------------------------------------------------------

    def _get_partner_domain(self):
        """Filters on the customer (the commercial partner of the items)."""
        domain = []
        if self.user_ids:
            domain.append(("user_id", "in", self.user_ids.ids))
        if self.team_ids:
            domain.append(("responsible_team_id", "in", self.team_ids.ids))
        values_by_criterion = defaultdict(list)
        for value in self.classification_ids:
            values_by_criterion[value.criterion_id].append(value.id)
        for value_ids in values_by_criterion.values():
            domain.append(("classification_ids", "child_of", value_ids))
        return domain

    # ------------------------------------------------------------
    # EXCEL EXPORT
    # ------------------------------------------------------------

    def _export_title(self):
        return self.env._("Receivable Aging")

    def _get_export_headers(self):
        """Column headers in the context's language, the bucket labels last."""
        headers = [
            self.env._("Customer Code"),
            self.env._("Customer"),
            self.env._("Salesperson"),
            self.env._("Currency"),
        ]
        headers += [
            label
            for _key, label in self.env[
                "crm.receivable.aging.report"
            ]._get_bucket_selection(self.company_id)
        ]
        headers.append(self.env._("Total"))
        return headers

    def _get_bilingual_headers(self):
        """Vietnamese / English (or Chinese / English...) headers; English alone for
        English users."""
        return self._export_bilingual(lambda wizard: wizard._get_export_headers())

    def _export_columns(self):
        """Customer code, name, salesperson, currency, one amount per bucket, total:
        the cells of the rows of ``_export_records``, in order."""
        headers = self._get_bilingual_headers()
        return [(header, col) for col, header in enumerate(headers)]

    def _export_records(self):
        """One row per customer and currency, by customer name: code, name,
        salesperson (empty cells rather than empty strings: filters see them as
        blanks), currency, the amounts per bucket and their total, rounded in the
        currency: the rows of one query streamed through a server-side cursor, no
        record read per line."""
        return self.env["crm.receivable.aging.report"]._get_aging_rows(
            self.company_id, self.date, self._get_partner_domain()
        )

    def _export_number_format(self):
        return "#,##0.00"

    def _export_freeze_panes(self):
        return 1, 2

    def _export_subtotal_key(self, record):
        # the row's currency (_export_records)
        return record[3]

    def _export_subtotal_row(self, key, sums):
        """One subtotal row per currency, below the customers."""
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", key)], limit=1)
        )
        first_amount = 4
        return [
            None,
            self._get_subtotal_label(key),
            None,
            key,
            *(currency.round(value) for value in sums[first_amount:]),
        ]

    def _get_subtotal_label(self, currency_name):
        return self._export_bilingual(
            lambda wizard: [
                wizard.env._("Subtotal %(currency)s", currency=currency_name)
            ]
        )[0]
