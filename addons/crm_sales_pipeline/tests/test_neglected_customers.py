from datetime import timedelta
import io

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestNeglectedCustomers(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.neglected_customer_days = 60
        Partner = cls.env["res.partner"]
        cls.forgotten, cls.followed, cls.never_contacted, cls.just_filed = (
            Partner.create(
                [
                    {
                        "name": f"Neglect Test {name}",
                        "customer_type": "customer",
                        "is_company": True,
                        "user_id": cls.salesman.id,
                    }
                    for name in ("Forgotten", "Followed", "Never", "New")
                ]
            )
        )
        cls.difficult = Partner.create(
            {
                "name": "Neglect Test Difficult",
                "customer_type": "customer",
                "is_company": True,
                "user_id": cls.salesman.id,
                "is_difficult": True,
                "difficult_reason": "Pays late, changes bookings",
            }
        )
        cls.competitor = Partner.create(
            {"name": "Neglect Test Competitor", "customer_type": "competitor"}
        )
        now = fields.Datetime.now()
        call = cls.env.ref("crm_customer.interaction_type_call")
        for partner, days_ago in (
            (cls.forgotten, 90),
            (cls.followed, 90),
            (cls.followed, 10),
            (cls.difficult, 5),
        ):
            cls.env["crm.customer.interaction"].create(
                {
                    "name": "Call",
                    "partner_id": partner.id,
                    "user_id": cls.salesman.id,
                    "type_id": call.id,
                    "date_start": now - timedelta(days=days_ago),
                    "state": "done",
                }
            )
        long_ago = now - timedelta(days=200)
        cls.env.cr.execute(
            SQL(
                "UPDATE res_partner SET create_date = %s WHERE id IN %s",
                long_ago,
                tuple(
                    (
                        cls.forgotten
                        | cls.followed
                        | cls.never_contacted
                        | cls.difficult
                        | cls.competitor
                    ).ids
                ),
            )
        )
        cls.env.invalidate_all()
        cls.test_partners = (
            cls.forgotten
            | cls.followed
            | cls.never_contacted
            | cls.just_filed
            | cls.difficult
            | cls.competitor
        )

    def _neglected(self):
        return self.env["res.partner"].search(
            [("is_neglected", "=", True), ("id", "in", self.test_partners.ids)]
        )

    def test_neglected_after_the_configured_days(self):
        self.assertEqual(self._neglected(), self.forgotten | self.never_contacted)
        self.assertTrue(self.forgotten.is_neglected)
        self.assertFalse(self.followed.is_neglected)
        self.assertEqual(
            self.env["res.partner"].search(
                [("is_neglected", "=", False), ("id", "in", self.test_partners.ids)]
            ),
            self.followed | self.just_filed | self.difficult | self.competitor,
        )
        self.env.company.neglected_customer_days = 120
        self.assertEqual(self._neglected(), self.never_contacted)

    def test_neglect_threshold_must_be_sensible(self):
        for days in (0, -5, 400):
            with (
                self.subTest(days=days),
                assert_refused(
                    self,
                    ValidationError,
                    "A customer can be called neglected after 1 to 365 days without",
                ),
            ):
                self.env.company.neglected_customer_days = days
        self.assertEqual(self.env.company.neglected_customer_days, 60)

    def test_manager_list_shows_neglected_and_difficult(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.res_partner_action_neglected"
        )
        self.assertIn("search_default_neglected", action["context"])
        shown = self.env["res.partner"].search(
            self.env["res.partner"]._get_neglected_or_difficult_domain()
            + [("id", "in", self.test_partners.ids)]
        )
        self.assertEqual(shown, self.forgotten | self.never_contacted | self.difficult)

    def test_monthly_digest_to_sales_managers_once_a_month(self):
        self.env.company.neglected_digest_month = False
        Mail = self.env["mail.mail"]
        before = Mail.search([])
        self.env["res.partner"]._cron_send_neglected_customer_digest()
        mails = Mail.search([("id", "not in", before.ids)]).filtered(
            lambda mail: self.sales_manager.partner_id in mail.recipient_ids
        )
        self.assertEqual(len(mails), 1)
        self.assertNotIn(self.salesman.partner_id, mails.recipient_ids)
        self.assertIn("Neglect Test Forgotten", mails.body_html)
        self.assertIn("Pays late", mails.body_html)
        self.assertNotIn("Neglect Test Followed", mails.body_html)
        workbook = self._read_xlsx(mails.attachment_ids.raw)
        names = {row[1] for row in workbook}
        self.assertTrue(
            {"Neglect Test Forgotten", "Neglect Test Never", "Neglect Test Difficult"}
            <= names
        )
        self.assertNotIn("Neglect Test Followed", names)
        header = workbook[0]
        self.assertIn("Previous Salesperson", header)
        difficult_row = next(r for r in workbook if r[1] == "Neglect Test Difficult")
        self.assertEqual(difficult_row[header.index("Difficult Customer")], "Yes")
        self.assertEqual(
            self.env.company.neglected_digest_month,
            fields.Date.today().strftime("%Y-%m"),
        )
        # a second run in the same month sends nothing more
        sent = Mail.search([])
        self.env["res.partner"]._cron_send_neglected_customer_digest()
        self.assertEqual(Mail.search([]), sent)

    def _read_xlsx(self, content):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True).active
        return [tuple(row) for row in sheet.iter_rows(values_only=True)]

    def _reassign(self, partners, user, note="<p>Calls only after 3 pm</p>", **values):
        wizard = (
            self.env["crm.customer.reassign.wizard"]
            .with_user(self.sales_manager)
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create({"user_id": user.id, "handover_note": note, **values})
        )
        return wizard.action_reassign()

    def test_reassign_keeps_previous_owner_and_notifies_both(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Neglect Test Opportunity",
                "type": "opportunity",
                "partner_id": self.forgotten.id,
                "user_id": self.salesman.id,
            }
        )
        self._reassign(self.forgotten | self.never_contacted, self.other_salesman)
        for customer in self.forgotten | self.never_contacted:
            self.assertEqual(customer.user_id, self.other_salesman)
            self.assertEqual(customer.previous_user_id, self.salesman)
            handover = customer.message_ids.filtered(
                lambda m: "Calls only after 3 pm" in (m.body or "")
            )
            self.assertEqual(len(handover), 1)
            self.assertEqual(
                handover.partner_ids,
                self.salesman.partner_id | self.other_salesman.partner_id,
            )
        self.assertEqual(lead.user_id, self.other_salesman)

    def test_reassign_can_leave_opportunities(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Neglect Test Opportunity",
                "type": "opportunity",
                "partner_id": self.forgotten.id,
                "user_id": self.salesman.id,
            }
        )
        self._reassign(self.forgotten, self.other_salesman, move_opportunities=False)
        self.assertEqual(lead.user_id, self.salesman)

    def test_reassign_refuses_empty_note_and_same_salesperson(self):
        with self.assertRaisesRegex(UserError, "handover note"):
            self._reassign(self.forgotten, self.other_salesman, note="<p><br></p>")
        with self.assertRaisesRegex(UserError, "already followed"):
            self._reassign(self.forgotten, self.salesman)
        self.assertEqual(self.forgotten.user_id, self.salesman)
        self.assertFalse(self.forgotten.previous_user_id)

    def test_only_sales_managers_hand_customers_over(self):
        with assert_refused(
            self,
            AccessError,
            "not allowed to create 'Hand Customers Over to Another Salesperson'",
        ):
            self.env["crm.customer.reassign.wizard"].with_user(self.salesman).create(
                {
                    "partner_ids": self.forgotten.ids,
                    "user_id": self.salesman.id,
                    "handover_note": "<p>Mine now</p>",
                }
            )

    def test_difficult_flag_on_the_form(self):
        with Form(self.forgotten) as form:
            form.is_difficult = True
            form.difficult_reason = "Never answers"
        self.assertTrue(self.forgotten.is_difficult)
