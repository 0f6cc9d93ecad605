from odoo import api, fields, models, tools
from odoo.tools import SQL

# a report row's id: kind + KINDS * source id (expected rows: the item and the month)
KINDS = 3
MONTHS_PER_ITEM = 1200


class CrmCollectionReport(models.Model):
    """Collection plan against what came in: per customer (and its salesperson and
    sales team) and month, in the company currency,

    - *expected*: what was left to pay at the start of the month on the customer
      invoices expected by its end: due in the month, or overdue and still open
      (the expected date is the due date, or the date of an open payment promise);
    - *collected*: the payments matched with customer invoices in the month;
    - *target*: the salespeople's and teams' collection targets of the month.

    Foreign-currency invoices count at their own rate: a payment's share of an
    invoice is its amount in the invoice currency at the invoice's rate, so an
    exchange difference neither adds nor removes anything. One SQL view; the rows
    of each kind are separate, the pivot puts them side by side."""

    _name = "crm.collection.report"
    _description = "Collections"
    _auto = False
    _order = "date desc, user_id, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "account.move": ["move_type", "state"],
        "account.move.line": [
            "account_id",
            "amount_currency",
            "balance",
            "company_id",
            "date",
            "date_maturity",
            "move_id",
            "parent_state",
            "partner_id",
        ],
        "account.partial.reconcile": [
            "credit_move_id",
            "debit_amount_currency",
            "debit_move_id",
            "max_date",
        ],
        "crm.collection.target": ["amount", "company_id", "date_from", "team_id"],
        "crm.payment.promise": ["invoice_ids", "promised_date", "state"],
        "res.partner": ["commercial_partner_id", "responsible_team_id", "user_id"],
    }

    kind = fields.Selection(
        [("expected", "Expected"), ("collected", "Collected"), ("target", "Target")],
        readonly=True,
    )
    date = fields.Date(string="Month", readonly=True)
    expected_date = fields.Date(
        readonly=True,
        help="When the money is expected: the date of the customer's open payment "
        "promise, else the due date.",
    )
    date_due = fields.Date(string="Due Date", readonly=True)
    payment_date = fields.Date(readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    classification_ids = fields.Many2many(
        "crm.customer.classification",
        relation="crm_collection_report_classification_rel",
        column1="report_id",
        column2="classification_id",
        string="Customer Classifications",
        readonly=True,
    )
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    expected_amount = fields.Monetary(string="Expected", readonly=True)
    collected_amount = fields.Monetary(string="Collected", readonly=True)
    target_amount = fields.Monetary(string="Target", readonly=True)

    @api.model
    def _get_items_query(self):
        """Receivable items of posted customer invoices with their customer, its
        salesperson and team, the expected date and the rate of the invoice."""
        return SQL(
            """
            SELECT line.id AS line_id,
                   line.move_id,
                   line.company_id,
                   company.currency_id,
                   currency.decimal_places,
                   (NOW() AT TIME ZONE COALESCE(NULLIF(company_partner.tz, ''), 'UTC'))
                       ::date AS today,
                   customer.id AS partner_id,
                   customer.user_id,
                   customer.responsible_team_id AS team_id,
                   COALESCE(line.date_maturity, line.date) AS date_due,
                   COALESCE(promise.promised_date, line.date_maturity, line.date)
                       AS expected_date,
                   line.balance,
                   line.amount_currency
              FROM account_move_line line
              JOIN account_move move ON move.id = line.move_id
              JOIN account_account account ON account.id = line.account_id
              JOIN res_company company ON company.id = line.company_id
              JOIN res_partner company_partner
                ON company_partner.id = company.partner_id
              JOIN res_currency currency ON currency.id = company.currency_id
              JOIN res_partner partner ON partner.id = line.partner_id
              JOIN res_partner customer ON customer.id = partner.commercial_partner_id
              LEFT JOIN (%(promises)s) promise ON promise.move_id = line.move_id
             WHERE move.move_type = 'out_invoice'
               AND line.parent_state = 'posted'
               AND account.account_type = 'asset_receivable'
               AND line.balance > 0
            """,
            promises=self.env["crm.payment.promise"]._get_open_promise_dates_query(),
        )

    @api.model
    def _get_paid_sql(self, item, partial):
        """What ``partial`` paid of ``item``, in company currency at the invoice's
        rate."""
        return SQL(
            "CASE WHEN %(item)s.amount_currency = 0 THEN %(partial)s.amount"
            " ELSE %(partial)s.debit_amount_currency * %(item)s.balance"
            " / %(item)s.amount_currency END",
            item=SQL.identifier(item),
            partial=SQL.identifier(partial),
        )

    def _get_query(self):
        month_index = SQL(
            "((EXTRACT(YEAR FROM month.date)::int - 2000) * 12"
            " + EXTRACT(MONTH FROM month.date)::int - 1)"
        )
        return SQL(
            """
            WITH item AS (%(items)s),
            expected AS (
                SELECT %(kinds)s * (item.line_id::bigint * %(per_item)s
                                    + %(month_index)s) AS id,
                       'expected' AS kind,
                       month.date::date AS date,
                       item.expected_date,
                       item.date_due,
                       NULL::date AS payment_date,
                       item.move_id,
                       item.partner_id,
                       item.user_id,
                       item.team_id,
                       item.company_id,
                       item.currency_id,
                       ROUND(item.balance - COALESCE(paid.amount, 0),
                             item.decimal_places) AS expected_amount,
                       0.0 AS collected_amount,
                       0.0 AS target_amount
                  FROM item
                 CROSS JOIN LATERAL generate_series(
                       date_trunc('month', item.expected_date),
                       GREATEST(date_trunc('month', item.expected_date),
                                date_trunc('month', item.today)),
                       interval '1 month') month(date)
                  LEFT JOIN LATERAL (
                       SELECT SUM(%(paid)s) AS amount
                         FROM account_partial_reconcile partial
                        WHERE partial.debit_move_id = item.line_id
                          AND partial.max_date < month.date
                       ) paid ON TRUE
            )
            SELECT * FROM expected WHERE expected_amount > 0
            UNION ALL
            SELECT %(kinds)s * partial.id + 1 AS id,
                   'collected' AS kind,
                   date_trunc('month', partial.max_date)::date AS date,
                   item.expected_date,
                   item.date_due,
                   partial.max_date AS payment_date,
                   item.move_id,
                   item.partner_id,
                   item.user_id,
                   item.team_id,
                   item.company_id,
                   item.currency_id,
                   0.0 AS expected_amount,
                   ROUND(%(paid)s, item.decimal_places) AS collected_amount,
                   0.0 AS target_amount
              FROM account_partial_reconcile partial
              JOIN item ON item.line_id = partial.debit_move_id
              JOIN account_move_line paying ON paying.id = partial.credit_move_id
              JOIN account_move paying_move ON paying_move.id = paying.move_id
             -- a credit note settles an invoice without bringing money in; an
             -- exchange difference pays nothing in the invoice currency
             WHERE paying_move.move_type != 'out_refund'
               AND partial.debit_amount_currency != 0
            UNION ALL
            SELECT %(kinds)s * target.id + 2 AS id,
                   'target' AS kind,
                   target.date_from AS date,
                   NULL::date AS expected_date,
                   NULL::date AS date_due,
                   NULL::date AS payment_date,
                   NULL::int AS move_id,
                   NULL::int AS partner_id,
                   target.user_id,
                   target.team_id,
                   target.company_id,
                   company.currency_id,
                   0.0 AS expected_amount,
                   0.0 AS collected_amount,
                   target.amount AS target_amount
              FROM crm_collection_target target
              JOIN res_company company ON company.id = target.company_id
            """,
            items=self._get_items_query(),
            kinds=KINDS,
            per_item=MONTHS_PER_ITEM,
            month_index=month_index,
            paid=self._get_paid_sql("item", "partial"),
        )

    def init(self):
        tools.drop_view_if_exists(
            self.env.cr, "crm_collection_report_classification_rel"
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._get_query()
            )
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW crm_collection_report_classification_rel AS (
                    SELECT report.id AS report_id, rel.classification_id
                      FROM %s report
                      JOIN res_partner_crm_customer_classification_rel rel
                        ON rel.partner_id = report.partner_id
                )
                """,
                SQL.identifier(self._table),
            )
        )
