from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestSending(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "buyer@pipeline-test.example.com"
        cls.today = fields.Date.context_today(cls.env["sale.order"])

    def _email(self, order, user=None):
        order = order.with_user(user or self.salesman)
        action = order.action_quotation_send()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(user or self.salesman)
            .with_context(**action["context"])
        ).save()
        composer.action_send_mail()
        # one test transaction stands for several users' requests: write what this
        # one left pending before another user's request reads it
        self.env.flush_all()

    def test_each_email_is_logged_with_its_recipients_and_revision(self):
        order = self._quotation()
        self._email(order)
        self.assertEqual(order.state, "sent")
        revision = order._create_revision("Lower rate")
        self._email(revision)
        self._email(revision)
        (first,) = order.send_log_ids
        self.assertEqual(first.channel, "email")
        self.assertEqual(first.user_id, self.salesman)
        self.assertEqual(first.partner_ids, self.customer)
        self.assertEqual(order.send_count, 1)
        self.assertEqual(revision.send_count, 2)
        action = revision.action_open_send_log()
        history = self.env["sale.order.send.log"].search(action["domain"])
        self.assertEqual(history.order_id, order | revision)
        self.assertEqual(set(history.mapped("revision_root_id")), {order})

    def test_printing_a_quotation_is_logged_once(self):
        order = self._quotation()
        self.env["ir.actions.report"].with_user(self.salesman)._render_qweb_pdf(
            "sale.action_report_saleorder", order.ids
        )
        self.assertEqual(order.send_log_ids.channel, "print")
        self.assertEqual(order.send_log_ids.amount_total, order.amount_total)
        self._email(order)
        self.assertEqual(
            sorted(order.send_log_ids.mapped("channel")),
            ["email", "print"],
            "the PDF attached to the e-mail is not a second sending",
        )

    def test_quotation_template_sent_from_the_chatter_is_one_email(self):
        """The chatter's full composer with the quotation template: the PDF it
        attaches belongs to the e-mail, logged once as an e-mail."""
        order = self._quotation()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.salesman)
            .with_context(
                default_model="sale.order",
                default_res_ids=order.ids,
                default_composition_mode="comment",
            )
        )
        composer.template_id = self.env.ref("sale.email_template_edi_sale")
        composer.save().action_send_mail()
        self.env.flush_all()
        self.assertEqual(order.send_log_ids.mapped("channel"), ["email"])
        self.assertEqual(order.send_log_ids.partner_ids, self.customer)

    def test_salesman_sees_only_the_sendings_of_own_quotations(self):
        mine = self._quotation()
        theirs = self._quotation(user=self.other_salesman)
        self._email(mine)
        self._email(theirs, user=self.other_salesman)
        visible = self.env["sale.order.send.log"].with_user(self.salesman).search([])
        self.assertEqual(visible.order_id, mine)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Quotation Sending"
        ):
            theirs.send_log_ids.with_user(self.salesman).read(["date"])

    def test_sent_quotation_past_its_validity_expires(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Expiring deal",
                "type": "opportunity",
                "partner_id": self.customer.id,
            }
        )
        sent = self._quotation(opportunity_id=lead.id)
        sent.action_quotation_sent()
        sent.validity_date = self.today - timedelta(days=1)
        self.assertEqual(lead.quotation_count, 1)
        self.env["sale.order"]._cron_expire_quotations()
        self.assertTrue(sent.validity_expired)
        lead.invalidate_recordset(["quotation_count"])
        self.assertEqual(lead.quotation_count, 0, "out of the open pipeline")
        self.assertIn("expired", sent.message_ids[0].body)
        sent.validity_date = self.today + timedelta(days=10)
        self.assertFalse(sent.validity_expired, "extended: open again")

    def test_draft_quotation_past_its_validity_expires_too(self):
        """A draft never sent still counts on the opportunity until it expires."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Draft deal",
                "type": "opportunity",
                "partner_id": self.customer.id,
            }
        )
        with freeze_time("2026-11-20 03:00:00"):
            draft = self._quotation(
                opportunity_id=lead.id, validity_date=fields.Date.to_date("2026-11-24")
            )
            confirmed = self._quotation(validity_date=fields.Date.to_date("2026-11-24"))
            confirmed.with_user(self.salesman).action_confirm()
            self.assertEqual(lead.quotation_count, 1)
        with freeze_time("2026-11-25 03:00:00"):
            self.env["sale.order"]._cron_expire_quotations()
        self.assertEqual(draft.state, "draft")
        self.assertTrue(draft.validity_expired)
        self.assertFalse(confirmed.validity_expired, "an order does not expire")
        lead.invalidate_recordset(["quotation_count"])
        self.assertEqual(lead.quotation_count, 0, "out of the open pipeline")
        self.assertIn("expired", draft.message_ids[0].body)

    def test_salesperson_is_reminded_once_before_expiry(self):
        self.env.company.quotation_expiry_reminder_days = 3
        soon = self._quotation(validity_date=self.today + timedelta(days=2))
        later = self._quotation(validity_date=self.today + timedelta(days=20))
        (soon | later).action_quotation_sent()
        Order = self.env["sale.order"]
        Order._cron_expire_quotations()
        Order._cron_expire_quotations()
        reminder = soon.activity_ids
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.salesman)
        self.assertEqual(reminder.date_deadline, soon.validity_date)
        self.assertFalse(later.activity_ids)

    def test_reminder_days_out_of_range_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "0 to 60 days ahead"):
            self.env.company.quotation_expiry_reminder_days = -1
