from datetime import date, datetime

from odoo.tests import BaseCase, tagged
from odoo.tools import SQL

from ..tools import customer_figures

COMMERCIAL = SQL.identifier("res_partner", "commercial_partner_id")


@tagged("post_install", "-at_install")
class TestCustomerFiguresSql(BaseCase):
    """The figures' SQL, without a database: one expression per figure, company and
    dates passed as parameters, never spliced into the code."""

    def test_every_figure_has_one_expression(self):
        self.assertEqual(len(set(customer_figures.SQL_FIGURES)), 10)
        for fname in customer_figures.RECEIVABLE_FIGURES:
            sql = customer_figures.receivable_sql(
                fname, COMMERCIAL, 7, date(2026, 12, 1)
            )
            self.assertIn('"res_partner"."commercial_partner_id"', sql.code)
            self.assertIn(7, sql.params)
            self.assertEqual(
                date(2026, 12, 1) in sql.params, fname != "receivable_amount"
            )

    def test_parameters_are_never_in_the_code(self):
        expressions = [
            customer_figures.order_sql(
                "order_count_this_year", COMMERCIAL, 3, datetime(2025, 12, 31, 17)
            ),
            customer_figures.revenue_sql(
                COMMERCIAL, 3, date(2026, 1, 1), date(2027, 1, 1)
            ),
            customer_figures.days_to_pay_sql(COMMERCIAL, 3),
            customer_figures.credit_limit_sql(COMMERCIAL, SQL("limit_partner.x")),
        ]
        for sql in expressions:
            self.assertNotIn("2026", sql.code)
            self.assertNotIn(" 3", sql.code.replace("%s", ""))
        self.assertEqual(expressions[1].params, [3, date(2026, 1, 1), date(2027, 1, 1)])

    def test_last_order_date_counts_every_year(self):
        sql = customer_figures.order_sql("last_order_date", COMMERCIAL, 3, None)
        self.assertIn("MAX(sale.date_order)", sql.code)
        self.assertNotIn(None, sql.params)
