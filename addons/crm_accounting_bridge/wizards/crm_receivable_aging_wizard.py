import base64
from collections import defaultdict
import io

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import SQL
from odoo.tools.misc import format_date, xlsxwriter

BATCH_SIZE = 1000


class CrmReceivableAgingWizard(models.TransientModel):
    """Aging of the current company's open receivables per customer, as of a date:
    shown as a pivot (rows filled in ``crm.receivable.aging.report``) or streamed to
    an xlsx file through crm_customer's export route."""

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
        self._fill_report()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_accounting_bridge.crm_receivable_aging_report_action"
        )
        action["domain"] = [("wizard_id", "=", self.id)]
        return action

    # ------------------------------------------------------------
    # QUERIES
    # ------------------------------------------------------------

    @api.model
    def _get_bucket_selection(self, company):
        """[("b0", "Not Due"), ("b1", "1-30"), ..., ("b4", "Over 90")]."""
        limits = company._get_aging_bucket_limits()
        selection = [("b0", self.env._("Not Due"))]
        start = 1
        for index, limit in enumerate(limits, start=1):
            selection.append(
                (f"b{index}", self.env._("%(start)s-%(end)s", start=start, end=limit))
            )
            start = limit + 1
        selection.append(
            (
                f"b{len(limits) + 1}",
                self.env._("Over %(days)s", days=limits[-1]),
            )
        )
        return selection

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

    def _get_open_items_query(self, partner_ids=None):
        """One row per receivable item of the company open on the date, with its
        customer, currency, bucket and what was left to pay on the date."""
        self.ensure_one()
        self.env.flush_all()
        # The partners the user may read and the filters select, as the user.
        partners = (
            self.env["res.partner"]
            .with_context(active_test=False)
            ._search(self._get_partner_domain())
        )
        limits = self.company_id._get_aging_bucket_limits()
        days = SQL("(%s - COALESCE(line.date_maturity, line.date))", self.date)
        bucket = SQL(
            "CASE WHEN %s <= 0 THEN 'b0' %s ELSE %s END",
            days,
            SQL(" ").join(
                SQL("WHEN %s <= %s THEN %s", days, limit, f"b{index}")
                for index, limit in enumerate(limits, start=1)
            ),
            f"b{len(limits) + 1}",
        )
        partner_filter = SQL()
        if partner_ids is not None:
            partner_filter = SQL(
                "AND partner.commercial_partner_id IN %s", tuple(partner_ids) or (0,)
            )
        # Payments and credit notes matched after the date do not count yet.
        return SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   line.currency_id,
                   %(bucket)s AS bucket,
                   line.amount_currency
                       - COALESCE(paid.amount_currency, 0)
                       + COALESCE(paying.amount_currency, 0) AS amount_currency,
                   line.balance - COALESCE(paid.amount, 0) + COALESCE(paying.amount, 0)
                       AS amount
              FROM account_move_line line
              JOIN account_account account ON account.id = line.account_id
              JOIN res_partner partner ON partner.id = line.partner_id
              LEFT JOIN LATERAL (
                   SELECT SUM(partial.amount) AS amount,
                          SUM(partial.debit_amount_currency) AS amount_currency
                     FROM account_partial_reconcile partial
                    WHERE partial.debit_move_id = line.id
                      AND partial.max_date <= %(date)s
                   ) paid ON TRUE
              LEFT JOIN LATERAL (
                   SELECT SUM(partial.amount) AS amount,
                          SUM(partial.credit_amount_currency) AS amount_currency
                     FROM account_partial_reconcile partial
                    WHERE partial.credit_move_id = line.id
                      AND partial.max_date <= %(date)s
                   ) paying ON TRUE
             WHERE line.company_id = %(company_id)s
               AND line.parent_state = 'posted'
               AND account.account_type = 'asset_receivable'
               AND line.date <= %(date)s
               AND partner.commercial_partner_id IN %(partners)s
               %(partner_filter)s
               AND (line.reconciled IS NOT TRUE
                    OR EXISTS (SELECT 1 FROM account_partial_reconcile later
                                WHERE later.debit_move_id = line.id
                                  AND later.max_date > %(date)s)
                    OR EXISTS (SELECT 1 FROM account_partial_reconcile later
                                WHERE later.credit_move_id = line.id
                                  AND later.max_date > %(date)s))
            """,
            bucket=bucket,
            date=self.date,
            company_id=self.company_id.id,
            partners=partners.subselect(),
            partner_filter=partner_filter,
        )

    def _get_aging_query(self, partner_ids=None):
        """Open amounts per customer, currency and bucket."""
        return SQL(
            """
            SELECT item.partner_id, item.currency_id, item.bucket,
                   SUM(item.amount_currency) AS amount_currency,
                   SUM(item.amount) AS amount
              FROM (%s) item
             GROUP BY item.partner_id, item.currency_id, item.bucket
            HAVING SUM(item.amount_currency) != 0 OR SUM(item.amount) != 0
            """,
            self._get_open_items_query(partner_ids),
        )

    def _fill_report(self):
        """Replace this run's pivot rows in one INSERT ... SELECT."""
        self.ensure_one()
        self.env["crm.receivable.aging.report"].search(
            [("wizard_id", "=", self.id)]
        ).unlink()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO crm_receivable_aging_report
                       (wizard_id, company_id, partner_id, user_id, team_id,
                        currency_id, bucket, amount_currency, amount,
                        create_uid, create_date, write_uid, write_date)
                SELECT %(wizard_id)s, %(company_id)s, aging.partner_id,
                       customer.user_id, customer.responsible_team_id,
                       aging.currency_id, aging.bucket, aging.amount_currency,
                       aging.amount, %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s,
                       NOW() AT TIME ZONE 'UTC'
                  FROM (%(aging)s) aging
                  JOIN res_partner customer ON customer.id = aging.partner_id
                """,
                wizard_id=self.id,
                company_id=self.company_id.id,
                uid=self.env.uid,
                aging=self._get_aging_query(),
            )
        )
        self.env["crm.receivable.aging.report"].invalidate_model()

    def _get_customer_ids(self):
        """The customers with open items, by name: the export's batches."""
        self.env.cr.execute(
            SQL(
                """
                SELECT customer.id
                  FROM res_partner customer
                 WHERE customer.id IN (SELECT DISTINCT item.partner_id FROM (%s) item)
                 ORDER BY customer.name, customer.id
                """,
                self._get_open_items_query(),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

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
            label for _key, label in self._get_bucket_selection(self.company_id)
        ]
        headers.append(self.env._("Total"))
        return headers

    def _get_bilingual_headers(self):
        """Vietnamese / English (or Chinese / English...) headers; English alone for
        English users."""
        local = self._get_export_headers()
        english = self.with_context(lang="en_US")._get_export_headers()
        return [
            header if header == english_header else f"{header} / {english_header}"
            for header, english_header in zip(local, english, strict=True)
        ]

    def _write_xlsx(self, output):
        """One row per customer and currency, then one subtotal row per currency.
        Customers are read in batches and xlsxwriter flushes every row
        (constant_memory): memory stays flat whatever the number of open items.
        Returns the number of customer rows."""
        self.ensure_one()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "in_memory": False}
        )
        sheet = workbook.add_worksheet(self._export_title()[:31])
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        bold_money = workbook.add_format({"bold": True, "num_format": "#,##0.00"})
        headers = self._get_bilingual_headers()
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
        sheet.freeze_panes(1, 2)
        buckets = [key for key, _label in self._get_bucket_selection(self.company_id)]
        first_amount_col = 4
        subtotals = defaultdict(lambda: [0.0] * (len(buckets) + 1))
        customer_ids = self._get_customer_ids()
        row = 0
        for start in range(0, len(customer_ids), BATCH_SIZE):
            batch_ids = customer_ids[start : start + BATCH_SIZE]
            self.env.cr.execute(self._get_aging_query(batch_ids))
            amounts = defaultdict(lambda: [0.0] * (len(buckets) + 1))
            for (
                partner_id,
                currency_id,
                bucket,
                amount_currency,
                _amount,
            ) in self.env.cr.fetchall():
                amounts[partner_id, currency_id][buckets.index(bucket)] += (
                    amount_currency
                )
            customers = self.env["res.partner"].browse(batch_ids)
            currencies = self.env["res.currency"].browse(
                {currency_id for _partner_id, currency_id in amounts}
            )
            for customer in customers:
                for currency in currencies.sorted("name"):
                    values = amounts.get((customer.id, currency.id))
                    if not values:
                        continue
                    values[-1] = sum(values[:-1])
                    row += 1
                    # Empty cells rather than empty strings: filters see them as blanks.
                    if customer.customer_code:
                        sheet.write_string(row, 0, customer.customer_code)
                    sheet.write_string(row, 1, customer.display_name)
                    if customer.user_id:
                        sheet.write_string(row, 2, customer.user_id.name)
                    sheet.write_string(row, 3, currency.name)
                    for col, value in enumerate(values, start=first_amount_col):
                        sheet.write_number(row, col, currency.round(value), money)
                    subtotal = subtotals[currency]
                    for index, value in enumerate(values):
                        subtotal[index] += value
            self.env.invalidate_all()
        customer_rows = row
        row += 1
        for currency in sorted(subtotals, key=lambda currency: currency.name):
            row += 1
            sheet.write_string(row, 1, self._get_subtotal_label(currency.name), bold)
            sheet.write_string(row, 3, currency.name, bold)
            for col, value in enumerate(subtotals[currency], start=first_amount_col):
                sheet.write_number(row, col, currency.round(value), bold_money)
        workbook.close()
        return customer_rows

    def _get_subtotal_label(self, currency_name):
        local = self.env._("Subtotal %(currency)s", currency=currency_name)
        english = self.with_context(lang="en_US").env._(
            "Subtotal %(currency)s", currency=currency_name
        )
        return local if local == english else f"{local} / {english}"

    # ------------------------------------------------------------
    # SCHEDULED EMAIL
    # ------------------------------------------------------------

    @api.model
    def _cron_send_aging_report(self):
        """Monthly: email each company's aging (xlsx) to its chosen accountants, once
        per month whatever the number of runs."""
        companies = self.env["res.company"].search(
            [("aging_report_user_ids", "!=", False)]
        )
        for company in companies:
            # the month where the company works, not in OdooBot's time zone
            today = company._crm_today()
            if (
                company.aging_report_sent_date
                and company.aging_report_sent_date >= today.replace(day=1)
            ):
                continue
            self._send_aging_report(company, today)
            company.aging_report_sent_date = today

    @api.model
    def _send_aging_report(self, company, today):
        # Recipients who lost their accounting rights since are no longer sent it.
        recipients = company.aging_report_user_ids.filtered(
            lambda user: (
                user.active
                and user.email
                and user.has_group("account.group_account_invoice")
            )
        )
        users_by_lang = defaultdict(lambda: self.env["res.users"])
        for user in recipients:
            users_by_lang[user.lang or "en_US"] |= user
        for lang, users in users_by_lang.items():
            wizard = (
                self.with_company(company)
                .with_context(lang=lang)
                .create({"company_id": company.id, "date": today})
            )
            output = io.BytesIO()
            wizard._write_xlsx(output)
            env = wizard.env
            title = env._(
                "Receivable Aging %(company)s %(date)s",
                company=company.name,
                date=fields.Date.to_string(today),
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{title}.xlsx",
                    "datas": base64.b64encode(output.getvalue()),
                    "res_model": "res.company",
                    "res_id": company.id,
                    "mimetype": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet",
                }
            )
            self.env["mail.mail"].create(
                {
                    "subject": title,
                    "body_html": Markup("<p>%s</p>")
                    % env._(
                        "The receivable aging of %(company)s as of %(date)s is "
                        "attached.",
                        company=company.name,
                        date=format_date(env, today),
                    ),
                    "email_from": company.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [Command.set(users.partner_id.ids)],
                    "attachment_ids": [Command.set(attachment.ids)],
                    "model": "res.company",
                    "res_id": company.id,
                }
            )
