from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestPaymentPromise(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice(
            cls.customer,
            3_000_000,
            cls._days_ago(40),
            cls._days_ago(10),
            user=cls.salesman,
        )
        cls.Promise = cls.env["crm.payment.promise"]
        # promises are dated in the company's day, not the server's
        cls.local_today = cls.company._crm_today()

    def _in_days(self, days):
        return fields.Date.add(self.local_today, days=days)

    def _log_call(self, user, promised_date, note="Chị Hoa hứa trả ngày 15"):
        """The salesperson's Log Collection Call on the customer's form."""
        promise = Form(
            self.Promise.with_user(user).with_context(
                default_partner_id=self.customer.id
            )
        )
        promise.promised_date = promised_date
        promise.note = note
        return promise.save()

    def test_a_collection_call_logs_an_interaction_and_the_promise(self):
        promise = self._log_call(self.salesman, self._in_days(5))
        self.assertEqual(promise.invoice_ids, self.invoice)
        self.assertEqual(promise.amount, 3_000_000)
        self.assertEqual(promise.user_id, self.salesman)
        self.assertEqual(promise.state, "open")
        call = promise.interaction_id
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(call.user_id, self.salesman)
        self.assertEqual(
            call.type_id, self.env.ref("crm_customer.interaction_type_call")
        )
        self.assertEqual(call.state, "done")
        self.assertIn("Collection call", call.name)
        self.assertEqual(call.result, "Chị Hoa hứa trả ngày 15")

    def test_a_promise_in_the_past_is_refused_and_nothing_saved(self):
        calls = self.env["crm.customer.interaction"].search_count([])
        with self.assertRaises(ValidationError) as refused:
            self.Promise.with_user(self.salesman).create(
                {
                    "partner_id": self.customer.id,
                    "promised_date": self._in_days(-1),
                    "invoice_ids": [Command.set(self.invoice.ids)],
                }
            )
        self.assertIn("cannot be in the past", str(refused.exception))
        self.assertEqual(self.env["crm.customer.interaction"].search_count([]), calls)
        self.assertFalse(self.Promise.search([]))

    def test_a_negative_promised_amount_is_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.Promise.with_user(self.salesman).create(
                {
                    "partner_id": self.customer.id,
                    "promised_date": self.local_today,
                    "amount": -1,
                }
            )
        self.assertIn("cannot be negative", str(refused.exception))

    def test_paying_the_invoices_keeps_the_promise(self):
        promise = self._log_call(self.salesman, self._in_days(5))
        self._pay(self.invoice, 1_000_000, self.today)
        self.assertEqual(promise.state, "open")
        self._pay(self.invoice, 2_000_000, self.today)
        self.assertEqual(promise.state, "kept")

    def test_a_broken_promise_gives_its_salesperson_one_todo(self):
        promise = self._log_call(self.salesman, self._in_days(5))
        kept = self._log_call(self.salesman, self._in_days(5))
        kept.invoice_ids = self._invoice(
            self.customer, 500_000, self.today, user=self.salesman
        )
        self._pay(kept.invoice_ids, 500_000, self.today)
        with freeze_time(self._in_days(5)):
            self.Promise._cron_broken_promises()
            self.assertEqual(promise.state, "open", "due today, not yet broken")
        with freeze_time(self._in_days(6)):
            self.Promise._cron_broken_promises()
            self.Promise._cron_broken_promises()
        self.assertEqual(promise.state, "broken")
        self.assertEqual(kept.state, "kept")
        todo = promise.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.salesman)
        self.assertEqual(todo.summary, "Payment promise broken")
        self.assertFalse(kept.activity_ids)

    def test_promises_are_the_salespersons_and_accountings_only(self):
        promise = self._log_call(self.salesman, self._in_days(5))
        Promise = self.Promise.with_user(self.other_salesman)
        self.assertFalse(Promise.search([]))
        with self.assertRaises(AccessError):
            promise.with_user(self.other_salesman).read(["promised_date"])
        billing = self.Promise.with_user(self.billing_user)
        self.assertEqual(billing.search([]), promise)
        with self.assertRaises(AccessError):
            promise.with_user(self.billing_user).write({"note": "x"})


@tagged("post_install", "-at_install")
class TestPaymentPromiseEscalation(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_accounting_promise_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.env["crm.team"].create(
            {
                "name": "Sales HCM",
                "company_id": cls.company.id,
                "user_id": cls.sales_manager.id,
                "member_ids": [Command.set(cls.salesman.ids)],
            }
        )
        cls.company.collection_escalation_days = 7
        cls.local_today = cls.company._crm_today()
        invoice = cls._invoice(
            cls.customer, 3_000_000, cls.local_today, user=cls.salesman
        )
        cls.promise = (
            cls.env["crm.payment.promise"]
            .with_user(cls.salesman)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "promised_date": fields.Date.add(cls.local_today, days=2),
                    "invoice_ids": [Command.set(invoice.ids)],
                }
            )
        )

    def _run_cron(self, days):
        with freeze_time(fields.Date.add(self.local_today, days=days)):
            self.env["crm.payment.promise"]._cron_broken_promises()

    def _manager_todos(self):
        return self.promise.activity_ids.filtered(
            lambda activity: activity.user_id == self.sales_manager
        )

    def test_a_promise_broken_for_n_days_goes_to_the_sales_manager_once(self):
        self._run_cron(3)
        self.assertEqual(self.promise.state, "broken")
        self.assertFalse(self._manager_todos(), "broken for one day only")
        self._run_cron(9)
        self._run_cron(10)
        todo = self._manager_todos()
        self.assertEqual(len(todo), 1)
        self.assertIn("broken 7 days ago", todo.summary)
        self.assertIn(self.customer.name, todo.summary)

    def test_no_escalation_when_the_company_sets_none(self):
        self.company.collection_escalation_days = 0
        self._run_cron(30)
        self.assertEqual(self.promise.state, "broken")
        self.assertFalse(self._manager_todos())

    def test_a_team_leader_who_is_no_sales_manager_is_skipped(self):
        self.sales_manager.groups_id = [
            Command.unlink(self.env.ref("sales_team.group_sale_manager").id)
        ]
        self._run_cron(9)
        self.assertFalse(self._manager_todos())
        managers = self.env.ref("sales_team.group_sale_manager").users.filtered(
            lambda user: self.company in user.company_ids
        )
        self.assertTrue(managers)
        self.assertEqual(
            self.promise.activity_ids.filtered(
                lambda activity: "broken 7 days ago" in activity.summary
            ).user_id,
            managers - self.salesman,
        )

    def test_without_any_sales_manager_the_administrator_is_told(self):
        self.env.ref("sales_team.group_sale_manager").users = [Command.clear()]
        self.company.crm_admin_email = "it@vantaibiendong.vn"
        self._run_cron(9)
        self.assertFalse(self._manager_todos())
        mail = self.env["mail.mail"].search([("email_to", "=", "it@vantaibiendong.vn")])
        self.assertEqual(len(mail), 1)
        self.assertIn(self.customer.name, mail.body_html)

    def test_escalation_days_out_of_range_are_refused(self):
        with self.assertRaises(ValidationError):
            self.company.collection_escalation_days = -1
