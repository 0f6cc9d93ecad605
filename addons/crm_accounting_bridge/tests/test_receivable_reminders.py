from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestReceivableReminders(CrmAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.receivable_reminder_days = 3
        cls.customer.email = "ketoan@vantaibiendong.vn"
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Dệt may Thành Công",
                "is_company": True,
                "email": "ketoan@detmaythanhcong.vn",
                "user_id": cls.salesman.id,
            }
        )
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _run_cron(self):
        # Scheduled actions run as the superuser, across every company.
        self.env["account.move"].sudo()._cron_receivable_reminders()

    def _reminders(self, invoices):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "account.move"),
                ("res_id", "in", invoices.ids),
                ("activity_type_id", "=", self.todo.id),
            ]
        )

    def _overdue_mails(self, customer):
        return self.env["mail.mail"].search(
            [("model", "=", "res.partner"), ("res_id", "=", customer.id)]
        )

    def _in_days(self, days):
        return fields.Date.add(self.today, days=days)

    # ------------------------------------------------------------
    # Reminders to salespeople
    # ------------------------------------------------------------

    def test_invoice_due_soon_is_reminded_once(self):
        invoice = self._invoice(self.customer, 500.0, self.today, self._in_days(3))
        self._run_cron()
        self._run_cron()
        activity = self._reminders(invoice)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.summary, "Payment due soon")
        self.assertEqual(activity.date_deadline, invoice.invoice_date_due)
        self.assertEqual(activity.user_id, self.other_salesman)
        self.assertEqual(invoice.reminded_deadline, invoice.invoice_date_due)

    def test_invoice_due_today_is_reminded(self):
        invoice = self._invoice(self.customer, 500.0, self.today, self.today)
        self._run_cron()
        self.assertEqual(len(self._reminders(invoice)), 1)

    def test_later_paid_and_overdue_invoices_are_not_reminded(self):
        later = self._invoice(self.customer, 500.0, self.today, self._in_days(4))
        paid = self._invoice(self.customer, 300.0, self.today, self._in_days(2))
        self._pay(paid, 300.0, self.today)
        overdue = self._invoice(self.customer, 200.0, self.today, self._days_ago(1))
        self._run_cron()
        self.assertFalse(self._reminders(later | paid | overdue))

    def test_vendor_bills_are_not_reminded(self):
        bill = self._invoice(
            self.customer, 500.0, self.today, self._in_days(1), move_type="in_invoice"
        )
        self._run_cron()
        self.assertFalse(self._reminders(bill))
        self.assertFalse(bill.reminded_deadline)

    def test_customer_salesperson_when_invoice_has_none(self):
        invoice = self._invoice(self.customer, 500.0, self.today, self._in_days(1))
        invoice.invoice_user_id = False
        orphan = self._invoice(self.customer_contact, 100.0, self.today, self.today)
        orphan.invoice_user_id = False
        self.customer.user_id = False
        self.customer_contact.user_id = False
        self._run_cron()
        self.assertFalse(self._reminders(orphan))
        self.assertFalse(orphan.reminded_deadline)

        self.customer.user_id = self.salesman
        self._run_cron()
        self.assertEqual(self._reminders(invoice).user_id, self.salesman)
        self.assertEqual(self._reminders(orphan).user_id, self.salesman)

    def test_partial_payment_does_not_remind_again(self):
        invoice = self._invoice(self.customer, 500.0, self.today, self._in_days(2))
        self._run_cron()
        self._reminders(invoice).action_done()
        self._pay(invoice, 200.0, self.today)
        self.assertEqual(invoice.payment_state, "partial")
        self._run_cron()
        self.assertEqual(invoice.reminded_deadline, invoice.invoice_date_due)
        self.assertFalse(self._reminders(invoice))

    def test_new_due_date_is_reminded_again(self):
        invoice = self._invoice(self.customer, 500.0, self.today, self._in_days(2))
        self._run_cron()
        self._reminders(invoice).action_done()
        invoice.button_draft()
        invoice.invoice_date_due = self._in_days(10)
        invoice.action_post()
        self._run_cron()
        self.assertFalse(self._reminders(invoice))

        with freeze_time(self._in_days(8)):
            self._run_cron()
        activity = self._reminders(invoice)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, self._in_days(10))

    def test_each_company_uses_its_own_days(self):
        other = self.setup_other_company(name="Chi nhánh Hà Nội")["company"]
        self.env.user.company_ids |= other
        other.receivable_reminder_days = 10
        here = self._invoice(self.customer, 500.0, self.today, self._in_days(7))
        there = (
            self.env["account.move"]
            .with_company(other)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer.id,
                    "invoice_date": self.today,
                    "invoice_date_due": self._in_days(7),
                    "invoice_user_id": self.salesman.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Freight", "price_unit": 300.0, "tax_ids": []}
                        )
                    ],
                }
            )
        )
        there.action_post()
        self._run_cron()
        self.assertFalse(self._reminders(here))
        self.assertEqual(self._reminders(there).user_id, self.salesman)

    def test_reminder_days_out_of_range_are_refused(self):
        for days in (-1, 61):
            with self.assertRaisesRegex(ValidationError, "between 0 and 60"):
                self.company.receivable_reminder_days = days
        self.company.receivable_reminder_days = 60
        self.company.receivable_reminder_days = 0

    def test_invoice_without_salesperson_is_told_to_the_administrator(self):
        nobody = self.env["res.partner"].create(
            {"name": "Khách lẻ", "is_company": True}
        )
        invoice = self._invoice(nobody, 500.0, self.today, self._in_days(2))
        invoice.invoice_user_id = False
        cron = self.env.ref("crm_accounting_bridge.ir_cron_receivable_reminders")
        admin_mails = [("email_to", "=", "it@vantaibiendong.vn")]
        # without an administrator e-mail it waits for a salesperson
        cron.method_direct_trigger()
        self.assertFalse(self.env["mail.mail"].search(admin_mails))
        self.assertFalse(invoice.reminded_deadline)
        self.company.crm_admin_email = "it@vantaibiendong.vn"
        cron.method_direct_trigger()
        cron.method_direct_trigger()
        mail = self.env["mail.mail"].search(admin_mails)
        self.assertEqual(len(mail), 1, "told once per due date")
        self.assertIn(invoice.name, mail.body_html)
        self.assertFalse(self._reminders(invoice))
        self.assertEqual(invoice.reminded_deadline, invoice.invoice_date_due)

    def test_settings_change_the_company(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.receivable_reminder_days = 5
            settings.receivable_overdue_notice = True
        self.assertEqual(self.env.company.receivable_reminder_days, 5)
        self.assertTrue(self.env.company.receivable_overdue_notice)

    # ------------------------------------------------------------
    # Overdue notices to customers
    # ------------------------------------------------------------

    def test_no_overdue_notice_unless_enabled(self):
        self.assertFalse(self.company.receivable_overdue_notice)
        self._invoice(self.customer, 500.0, self._days_ago(40), self._days_ago(10))
        self._run_cron()
        self.assertFalse(self._overdue_mails(self.customer))

    def test_one_notice_per_customer_listing_its_overdue_invoices(self):
        self.company.receivable_overdue_notice = True
        late = self._invoice(
            self.customer, 500.0, self._days_ago(40), self._days_ago(10)
        )
        later = self._invoice(
            self.customer_contact, 250.0, self._days_ago(30), self._days_ago(1)
        )
        not_due = self._invoice(self.customer, 700.0, self.today, self._in_days(20))
        paid = self._invoice(
            self.customer, 300.0, self._days_ago(40), self._days_ago(5)
        )
        self._pay(paid, 300.0, self.today)
        other_late = self._invoice(
            self.other_customer, 900.0, self._days_ago(50), self._days_ago(20)
        )
        self._run_cron()

        mail = self._overdue_mails(self.customer)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.customer)
        self.assertIn(late.name, mail.body_html)
        self.assertIn(later.name, mail.body_html)
        for absent in (not_due, paid, other_late):
            self.assertNotIn(absent.name, mail.body_html)
        other_mail = self._overdue_mails(self.other_customer)
        self.assertEqual(len(other_mail), 1)
        self.assertIn(other_late.name, other_mail.body_html)
        self.assertNotIn(late.name, other_mail.body_html)
        self.assertEqual(late.overdue_notice_date, self.today)
        self.assertFalse(not_due.overdue_notice_date)

        self._run_cron()
        self.assertEqual(len(self._overdue_mails(self.customer)), 1)
        self.assertEqual(len(self._overdue_mails(self.other_customer)), 1)

    def test_notice_resent_after_the_reminder_days_or_for_a_new_invoice(self):
        self.company.receivable_overdue_notice = True
        late = self._invoice(
            self.customer, 500.0, self._days_ago(40), self._days_ago(10)
        )
        self._run_cron()
        with freeze_time(self._in_days(2)):
            self._run_cron()
        self.assertEqual(len(self._overdue_mails(self.customer)), 1)

        with freeze_time(self._in_days(3)):
            self._run_cron()
        mails = self._overdue_mails(self.customer)
        self.assertEqual(len(mails), 2)
        self.assertEqual(late.overdue_notice_date, self._in_days(3))

        newly_late = self._invoice(
            self.customer, 100.0, self._days_ago(20), self._days_ago(1)
        )
        with freeze_time(self._in_days(4)):
            self._run_cron()
        mails = self._overdue_mails(self.customer) - mails
        self.assertEqual(len(mails), 1)
        self.assertIn(late.name, mails.body_html)
        self.assertIn(newly_late.name, mails.body_html)

    def test_customer_without_email_is_not_noticed(self):
        self.company.receivable_overdue_notice = True
        self.other_customer.email = False
        late = self._invoice(
            self.other_customer, 500.0, self._days_ago(40), self._days_ago(10)
        )
        self._run_cron()
        self.assertFalse(self._overdue_mails(self.other_customer))
        self.assertFalse(late.overdue_notice_date)

    def test_notice_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["crm_accounting_bridge"], ["vi_VN"]
        )
        self.company.receivable_overdue_notice = True
        self.customer.lang = "vi_VN"
        late = self._invoice(
            self.customer, 500.0, self._days_ago(40), self._days_ago(10)
        )
        self._run_cron()
        mail = self._overdue_mails(self.customer)
        self.assertIn("hóa đơn quá hạn", mail.subject)
        self.assertIn("Hạn thanh toán", mail.body_html)
        self.assertIn(late.name, mail.body_html)
        self.assertIn("USD", mail.body_html)
