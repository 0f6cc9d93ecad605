from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestNewCustomerBonusAndExclusions(CommissionCommon):
    """Lan's plan pays 2 % of a first invoice's profit for each customer new in the
    month, and nothing on a key account nor on customs clearance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customs = cls._product("Customs clearance")
        cls.key_account = cls.env["res.partner"].create(
            {"name": "Tập đoàn Key Account", "is_company": True}
        )
        cls.newcomer = cls.env["res.partner"].create(
            {"name": "Công ty Mới", "is_company": True}
        )
        cls.lan_plan.write(
            {
                "new_customer_bonus_type": "percent",
                "new_customer_bonus": 2.0,
                "excluded_partner_ids": [Command.link(cls.key_account.id)],
                "excluded_product_ids": [Command.link(cls.customs.id)],
            }
        )
        # the usual customer's first invoice was in April
        cls._invoice(cls.lan, 10 * MILLION, 0, "2026-04-10")

    @classmethod
    def _product(cls, name, **values):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
                "property_account_income_id": cls.freight.property_account_income_id.id,
                **values,
            }
        )

    def _may(self):
        return self._settle("2026-06-01").filtered(
            lambda s: (
                s.agent_id == self.lan.partner_id
                and s.date_from == self._date("2026-05-01")
            )
        )

    def test_first_invoice_of_a_new_customer_earns_its_bonus_once(self):
        # profit 100 M, then 50 M: the bonus is 2 % of the first invoice's 100 M
        first = self._invoice(
            self.lan, 300 * MILLION, 200 * MILLION, "2026-05-04", customer=self.newcomer
        )
        self._invoice(
            self.lan, 100 * MILLION, 50 * MILLION, "2026-05-18", customer=self.newcomer
        )
        self._invoice(self.lan, 100 * MILLION, 50 * MILLION, "2026-05-06")
        may = self._may()
        bonus = may.line_ids.filtered(lambda line: line.note == "bonus")
        self.assertEqual(bonus.invoice_id, first)
        self.assertEqual(bonus.bonus_invoice_id, first)
        self.assertEqual(bonus.settled_amount, 2 * MILLION)
        # 3 % of 200 M of profit, plus the bonus
        self.assertEqual(may.total, 6 * MILLION + 2 * MILLION)
        # settling again pays it once
        self.assertEqual(self._may(), may)
        self.assertEqual(len(may.line_ids.filtered("bonus_invoice_id")), 1)
        self.assertEqual(may.total, 8 * MILLION)

    def test_fixed_bonus_not_paid_again_next_month(self):
        self.lan_plan.with_user(self.manager).write(
            {"new_customer_bonus_type": "fixed", "new_customer_bonus": 500_000}
        )
        self._invoice(self.lan, 20 * MILLION, 0, "2026-05-04", customer=self.newcomer)
        self.assertEqual(
            self._may().line_ids.filtered("bonus_invoice_id").settled_amount, 500_000
        )
        self._invoice(self.lan, 20 * MILLION, 0, "2026-06-04", customer=self.newcomer)
        june = self._settle("2026-07-01").filtered(
            lambda s: (
                s.agent_id == self.lan.partner_id
                and s.date_from == self._date("2026-06-01")
            )
        )
        self.assertEqual(len(june.line_ids), 1)
        self.assertFalse(june.line_ids.bonus_invoice_id)

    def test_excluded_lines_are_shown_and_earn_nothing(self):
        key = self._invoice(
            self.lan, 200 * MILLION, 0, "2026-05-03", customer=self.key_account
        )
        customs = self._invoice(
            self.lan, 50 * MILLION, 0, "2026-05-05", product=self.customs
        )
        normal = self._invoice(self.lan, 600 * MILLION, 0, "2026-05-07")
        may = self._may()
        lines = {line.invoice_id: line for line in may.line_ids}
        self.assertEqual(lines[key].note, "customer")
        self.assertEqual(lines[customs].note, "product")
        self.assertEqual(lines[key].settled_amount, 0.0)
        self.assertEqual(lines[customs].settled_amount, 0.0)
        self.assertEqual(lines[key].base_amount, 200 * MILLION)
        # the excluded bases do not climb the tiers: 600 M earns 3 % of 500 M + 5 % of
        # 100 M; the key account is not a new customer's bonus either
        self.assertEqual(lines[normal].settled_amount, 20 * MILLION)
        self.assertEqual(may.total, 20 * MILLION)

    def test_excluded_category_and_its_children(self):
        parent = self.env["product.category"].create({"name": "Warehousing"})
        child = self.env["product.category"].create(
            {"name": "Cold storage", "parent_id": parent.id}
        )
        storage = self._product("Cold storage", categ_id=child.id)
        self.lan_plan.with_user(self.manager).excluded_categ_ids = parent
        invoice = self._invoice(
            self.lan, 50 * MILLION, 0, "2026-05-05", product=storage
        )
        line = self._may().line_ids.filtered(lambda line: line.invoice_id == invoice)
        self.assertEqual(line.note, "category")
        self.assertEqual(line.settled_amount, 0.0)

    def test_negative_bonus_is_refused(self):
        with assert_refused(self, ValidationError, "bonus cannot be negative"):
            self.lan_plan.with_user(self.manager).new_customer_bonus = -1
        self.assertEqual(self.lan_plan.new_customer_bonus, 2.0)
