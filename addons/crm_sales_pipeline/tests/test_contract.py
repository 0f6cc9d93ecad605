from datetime import timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestContract(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        # a fixed morning, the same day in UTC, Brussels and Hồ Chí Minh City: "today"
        # must not depend on which of them a test, a user or the code counts in
        cls.startClassPatcher(freeze_time("2026-11-25 03:00:00"))
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["crm.contract"])
        cls.customer.customer_code = "KH-CONTRACT-1"

    def _contract(self, user=None, **values):
        return (
            self.env["crm.contract"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_start": self.today,
                    "date_end": self.today + timedelta(days=365),
                    "amount": 120000,
                    **values,
                }
            )
        )

    def test_number_from_sequence_and_unique(self):
        first, second = self._contract(), self._contract()
        self.assertTrue(first.name.startswith("HD/"))
        self.assertNotEqual(first.name, second.name)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            second.sudo().write({"name": first.name})
            self.env.flush_all()

    def test_sent_signed_terminated(self):
        contract = self._contract()
        contract.action_mark_sent()
        self.assertEqual(contract.state, "sent")
        contract.action_sign()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.date_signed, self.today)
        with self.assertRaisesRegex(UserError, "not possible"):
            contract.action_mark_sent()
        contract.action_terminate()
        self.assertEqual(contract.state, "terminated")

    def test_each_sending_of_a_contract_is_logged_and_counted(self):
        """Seed 001 asks how many times contracts were sent, as for quotations:
        marking sent again (a corrected copy, a reminder) counts once more."""
        contract = self._contract()
        contract.action_mark_sent()
        contract.action_mark_sent()
        self.assertEqual(contract.state, "sent")
        self.assertEqual(contract.send_count, 2)
        logs = contract.send_log_ids
        self.assertEqual(set(logs.mapped("channel")), {"manual"})
        self.assertEqual(logs.user_id, self.salesman)
        self.assertEqual(logs.partner_ids, self.customer)
        self.assertEqual(set(logs.mapped("amount_total")), {120000})
        action = contract.with_user(self.salesman).action_open_send_log()
        self.assertEqual(
            self.env["crm.contract.send.log"]
            .with_user(self.salesman)
            .search(action["domain"]),
            logs,
        )
        # another salesperson's sendings stay theirs
        other = self._contract(user=self.other_salesman)
        other.action_mark_sent()
        self.assertEqual(
            self.env["crm.contract.send.log"].with_user(self.salesman).search([]),
            logs,
        )
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Contract Sending"
        ):
            other.send_log_ids.with_user(self.salesman).read(["date"])
        contract.action_sign()
        with assert_refused(self, UserError, "not possible"):
            contract.action_mark_sent()
        self.assertEqual(contract.send_count, 2)

    def test_bad_dates_or_negative_value_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._contract(date_end=self.today - timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._contract(amount=-1)

    def test_found_by_number_customer_name_or_code(self):
        contract = self._contract()
        Contract = self.env["crm.contract"]
        for text in (contract.name, "Pipeline Test Trading", "KH-CONTRACT-1"):
            with self.subTest(text=text):
                self.assertIn(
                    contract, Contract.search([("display_name", "ilike", text)])
                )
                found_ids = [row[0] for row in Contract.name_search(text)]
                self.assertIn(contract.id, found_ids)

    def test_signed_contract_expires_and_salesperson_is_reminded_once(self):
        self.env.company.contract_expiry_reminder_days = 30
        ended = self._contract(
            date_start=self.today - timedelta(days=400),
            date_end=self.today - timedelta(days=1),
        )
        ending = self._contract(date_end=self.today + timedelta(days=10))
        far = self._contract(date_end=self.today + timedelta(days=200))
        (ended | ending | far).action_sign()
        Contract = self.env["crm.contract"]
        Contract._cron_expire_contracts()
        Contract._cron_expire_contracts()
        self.assertEqual(ended.state, "expired")
        self.assertEqual(ending.state, "signed")
        self.assertEqual(len(ending.activity_ids), 1)
        self.assertEqual(ending.activity_ids.user_id, self.salesman)
        self.assertFalse(far.activity_ids)

    def test_salesman_sees_own_contracts_only(self):
        mine = self._contract()
        theirs = self._contract(user=self.other_salesman)
        visible = self.env["crm.contract"].with_user(self.salesman).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Sales Contract"
        ):
            theirs.with_user(self.salesman).read(["name"])
        self.assertIn(
            theirs, self.env["crm.contract"].with_user(self.sales_manager).search([])
        )

    def test_user_without_sales_rights_is_refused(self):
        employee = mail_new_test_user(
            self.env, login="pipeline_employee", groups="base.group_user"
        )
        with assert_refused(
            self, AccessError, "not allowed to access 'Sales Contract'"
        ):
            self.env["crm.contract"].with_user(employee).search([])

    def test_contract_on_the_customer_timeline(self):
        contract = self._contract()
        entries = self.env["crm.customer.timeline"].search(
            [("partner_id", "=", self.customer.id), ("res_model", "=", "crm.contract")]
        )
        self.assertEqual(entries.res_id, contract.id)
