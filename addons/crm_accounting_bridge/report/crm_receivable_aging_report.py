import itertools

from odoo import api, fields, models
from odoo.tools import SQL

# rows of the aging read at a time from its server-side cursor
FETCH_SIZE = 5000
# a name per cursor, for exports running in one transaction
_cursor_numbers = itertools.count()


class CrmReceivableAgingReport(models.TransientModel):
    """One row per customer, currency and aging bucket of one aging run: the pivot's
    rows. Holds the aging queries: the wizard passes its choices (company, date,
    customers' domain), fills the pivot (``_fill``) or reads the aging for its Excel
    export (``_get_aging_lines``)."""

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
        return self._get_bucket_selection(self.env.company)

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

    @api.model
    def _get_open_items_query(self, company, date, partner_domain):
        """One row per receivable item of ``company`` open on ``date``, of the
        customers (commercial partners) in ``partner_domain`` the user may read, with
        its customer, currency, bucket and what was left to pay on the date."""
        self.env.flush_all()
        # The partners the user may read and the filters select, as the user.
        partners = (
            self.env["res.partner"]
            .with_context(active_test=False)
            ._search(partner_domain)
        )
        limits = company._get_aging_bucket_limits()
        days = SQL("(%s - COALESCE(line.date_maturity, line.date))", date)
        bucket = SQL(
            "CASE WHEN %s <= 0 THEN 'b0' %s ELSE %s END",
            days,
            SQL(" ").join(
                SQL("WHEN %s <= %s THEN %s", days, limit, f"b{index}")
                for index, limit in enumerate(limits, start=1)
            ),
            f"b{len(limits) + 1}",
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
               AND (line.reconciled IS NOT TRUE
                    OR EXISTS (SELECT 1 FROM account_partial_reconcile later
                                WHERE later.debit_move_id = line.id
                                  AND later.max_date > %(date)s)
                    OR EXISTS (SELECT 1 FROM account_partial_reconcile later
                                WHERE later.credit_move_id = line.id
                                  AND later.max_date > %(date)s))
            """,
            bucket=bucket,
            date=date,
            company_id=company.id,
            partners=partners.subselect(),
        )

    @api.model
    def _get_aging_query(self, company, date, partner_domain):
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
            self._get_open_items_query(company, date, partner_domain),
        )

    @api.model
    def _fill(self, wizard_id, company, date, partner_domain):
        """Replace the pivot rows of the run ``wizard_id`` in one INSERT ... SELECT."""
        self.search([("wizard_id", "=", wizard_id)]).unlink()
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
                wizard_id=wizard_id,
                company_id=company.id,
                uid=self.env.uid,
                aging=self._get_aging_query(company, date, partner_domain),
            )
        )
        self.invalidate_model()

    @api.model
    def _get_aging_lines(self, company, date, partner_domain, batch_size=FETCH_SIZE):
        """Yield (customer id, currency id, [amount in currency per bucket]), one per
        customer and currency with open amounts, by customer name then currency: the
        Excel export's rows. One query whatever the number of customers, read through
        a server-side cursor (``DECLARE``/``FETCH`` in the current transaction, so it
        sees what the transaction sees) ``batch_size`` rows at a time: memory holds
        one batch, never the whole aging."""
        bucket_index = {
            key: index
            for index, (key, _label) in enumerate(self._get_bucket_selection(company))
        }
        cr = self.env.cr
        name = SQL.identifier(f"crm_receivable_aging_{next(_cursor_numbers)}")
        cr.execute(
            SQL(
                """
                DECLARE %s NO SCROLL CURSOR FOR
                SELECT aging.partner_id, aging.currency_id, aging.bucket,
                       aging.amount_currency
                  FROM (%s) aging
                  JOIN res_partner customer ON customer.id = aging.partner_id
                  JOIN res_currency currency ON currency.id = aging.currency_id
                 ORDER BY customer.name, customer.id, currency.name, aging.bucket
                """,
                name,
                self._get_aging_query(company, date, partner_domain),
            )
        )
        line = None
        while True:
            cr.execute(SQL("FETCH FORWARD %s FROM %s", batch_size, name))
            rows = cr.fetchall()
            if not rows:
                break
            for partner_id, currency_id, bucket, amount_currency in rows:
                if line is None or line[:2] != (partner_id, currency_id):
                    if line is not None:
                        yield line
                    line = (partner_id, currency_id, [0.0] * len(bucket_index))
                line[2][bucket_index[bucket]] += amount_currency
        if line is not None:
            yield line
        # an export stopped half-way leaves it to the end of the transaction
        cr.execute(SQL("CLOSE %s", name))
