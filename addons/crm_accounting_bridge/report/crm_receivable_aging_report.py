from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.crm_customer.tools import iter_query_batches


class CrmReceivableAgingReport(models.TransientModel):
    """One row per customer, currency and aging bucket of one aging run: the pivot's
    rows. Holds the aging queries: the wizard passes its choices (company, date,
    customers' domain), fills the pivot (``_fill``) or reads the aging for its Excel
    export (``_get_aging_rows``)."""

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
    def _get_aging_rows(self, company, date, partner_domain, batch_size=None):
        """Yield the Excel export's rows, one per customer and currency with open
        amounts, by customer name then currency: customer code, name, salesperson
        (None when empty), currency, the open amount in that currency per bucket
        (``_get_bucket_selection``'s order) and their total, each rounded in the
        currency. PostgreSQL pivots the buckets and rounds (exactly, in numeric)
        in the query that selects what the sheet shows of the customers: one query
        whatever the number of customers, read through a server-side cursor
        ``batch_size`` rows at a time (crm_customer's ``FETCH_SIZE`` by default),
        so memory holds one batch, never the whole aging."""
        keys = [key for key, _label in self._get_bucket_selection(company)]

        def bucket_sum(column, key):
            return SQL(
                "SUM(item.%s) FILTER (WHERE item.bucket = %s)",
                SQL.identifier(column),
                key,
            )

        # half away from zero, as Odoo's float_round (HALF-UP); given as floats
        # (what the ORM reads a numeric as), converted by PostgreSQL
        amounts = SQL(", ").join(
            SQL(
                "(ROUND(COALESCE(%s, 0) / currency.rounding)"
                " * currency.rounding)::float8",
                SQL.identifier("aging", f"amount_{index}"),
            )
            for index in range(len(keys) + 1)
        )
        # the buckets pivoted as the open items are grouped, a customer and
        # currency kept when one of its buckets is (``_get_aging_query``'s HAVING)
        aging = SQL(
            """
            SELECT item.partner_id, item.currency_id, %s,
                   SUM(item.amount_currency) AS %s
              FROM (%s) item
             GROUP BY item.partner_id, item.currency_id
            HAVING %s
            """,
            SQL(", ").join(
                SQL(
                    "%s AS %s",
                    bucket_sum("amount_currency", key),
                    SQL.identifier(f"amount_{index}"),
                )
                for index, key in enumerate(keys)
            ),
            SQL.identifier(f"amount_{len(keys)}"),
            self._get_open_items_query(company, date, partner_domain),
            SQL(" OR ").join(
                SQL(
                    "%s != 0 OR %s != 0",
                    bucket_sum("amount_currency", key),
                    bucket_sum("amount", key),
                )
                for key in keys
            ),
        )
        # a partner's display name is its complete name (Odoo's display name adds
        # to it only on request of the context), a user's is their partner's name
        query = SQL(
            """
            SELECT NULLIF(customer.customer_code, ''), customer.complete_name,
                   NULLIF(salesperson.name, ''), currency.name, %s
              FROM (%s) aging
              JOIN res_partner customer ON customer.id = aging.partner_id
              JOIN res_currency currency ON currency.id = aging.currency_id
              LEFT JOIN res_users sales_user ON sales_user.id = customer.user_id
              LEFT JOIN res_partner salesperson
                     ON salesperson.id = sales_user.partner_id
             ORDER BY customer.name, customer.id, currency.name
            """,
            amounts,
            aging,
        )
        for rows in iter_query_batches(self.env.cr, query, batch_size):
            yield from rows
