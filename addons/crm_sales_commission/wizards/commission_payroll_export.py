from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

# the languages of a payroll sheet's headers, besides the user's own
PAYROLL_LANGS = ("vi_VN", "en_US")


class CommissionPayrollExport(models.TransientModel):
    """Approved settlements, one row per settlement line, streamed to an xlsx file for
    payroll through crm_customer's owner-checked export route: headers in the user's
    language, Vietnamese and English, a total per salesperson."""

    _name = "commission.payroll.export"
    _inherit = "crm.customer.xlsx.export"
    _description = "Commission Payroll Export"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_month()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_month()[1]
    )
    settlement_ids = fields.Many2many(
        "commission.settlement",
        string="Settlements",
        check_company=True,
        domain="[('approved_user_id', '!=', False), ('company_id', '=', company_id)]",
        default=lambda self: self._default_settlement_ids(),
        help="Only these settlements; empty: every approved settlement of the period.",
    )

    @api.model
    def _default_month(self):
        first = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        return first, first + relativedelta(months=1, days=-1)

    @api.model
    def _default_settlement_ids(self):
        context = self.env.context
        if context.get("active_model") != "commission.settlement":
            return []
        return [Command.set(context.get("active_ids") or [])]

    # ------------------------------------------------------------
    # EXCEL EXPORT
    # ------------------------------------------------------------

    def _export_title(self):
        return self.env._("Commission Payroll")

    def _export_model(self):
        return "commission.settlement.line"

    def _export_domain(self):
        domain = [
            ("settlement_id.approved_user_id", "!=", False),
            ("settlement_id.state", "!=", "cancel"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.settlement_ids:
            return [*domain, ("settlement_id", "in", self.settlement_ids.ids)]
        return [
            *domain,
            ("settlement_id.date_from", ">=", self.date_from),
            ("settlement_id.date_to", "<=", self.date_to),
        ]

    def _export_order(self):
        return "agent_id, date, id"

    def _export_number_format(self):
        return "#,##0.00"

    def _export_freeze_panes(self):
        return 1, 1

    def _export_subtotal_key(self, record):
        return record.agent_id.display_name

    def _export_subtotal_row(self, key, sums):
        row = [None] * len(sums)
        row[0] = f"{self._get_bilingual_headers()[-1]}: {key}"
        # the base and the amount add up; rates do not
        row[4], row[6] = sums[4], sums[6]
        return row

    def _get_export_headers(self):
        """The column headers in the context's language, then the subtotal label."""
        return [
            self.env._("Salesperson"),
            self.env._("Period"),
            self.env._("Invoice"),
            self.env._("Customer"),
            self.env._("Commission Base"),
            self.env._("Rate (%)"),
            self.env._("Commission"),
            self.env._("Currency"),
            self.env._("Note"),
            self.env._("Total"),
        ]

    def _get_bilingual_headers(self):
        """Each header in the user's language, Vietnamese and English, each once."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        langs = [
            lang
            for lang in dict.fromkeys([self.env.lang or "en_US", *PAYROLL_LANGS])
            if lang in installed or lang == "en_US"
        ]
        translated = [
            self.with_context(lang=lang)._get_export_headers() for lang in langs
        ]
        return [
            " / ".join(dict.fromkeys(texts)) for texts in zip(*translated, strict=True)
        ]

    def _export_columns(self):
        notes = dict(
            self.env["commission.settlement.line"]
            ._fields["note"]
            ._description_selection(self.env)
        )
        getters = [
            lambda line: line.agent_id.display_name,
            lambda line: (
                f"{line.settlement_id.date_from} - {line.settlement_id.date_to}"
            ),
            lambda line: line.invoice_id.name or False,
            lambda line: line.invoice_id.commercial_partner_id.display_name or False,
            lambda line: line.base_amount,
            lambda line: line.rate,
            lambda line: line.settled_amount,
            lambda line: line.currency_id.name,
            lambda line: notes.get(line.note) or False,
        ]
        headers = self._get_bilingual_headers()[: len(getters)]
        return list(zip(headers, getters, strict=True))
