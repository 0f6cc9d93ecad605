from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, as_request, assert_refused


@tagged("post_install", "-at_install")
class TestInteraction(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_docs_salesman = mail_new_test_user(
            cls.env,
            login="crm_customer_all_docs",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads",
        )
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Biển Đông", "is_company": True, "customer_type": "customer"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Ms Hoa", "parent_id": cls.customer.id}
        )
        cls.Interaction = cls.env["crm.customer.interaction"]

    def _log(self, user=None, **values):
        return self.Interaction.with_user(user or self.env.user).create(
            {
                "name": "Call about rates",
                "partner_id": self.customer.id,
                "type_id": self.call.id,
                **values,
            }
        )

    def test_end_before_start_is_refused(self):
        start = datetime(2026, 11, 2, 9, 0)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._log(date_start=start, date_end=start - timedelta(hours=1))

    def test_contact_must_belong_to_the_customer(self):
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        with self.assertRaisesRegex(ValidationError, "is not a contact of"):
            self._log(contact_id=stranger.id)
        interaction = self._log(contact_id=self.contact.id)
        self.assertEqual(interaction.contact_id, self.contact)

    def test_next_step_schedules_one_follow_up_activity(self):
        next_date = fields.Date.today() + timedelta(days=7)
        interaction = self._log(user=self.salesman, next_date=next_date)
        activity = interaction.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, next_date)
        self.assertEqual(activity.user_id, self.salesman)

        later = next_date + timedelta(days=3)
        interaction.next_date = later
        self.assertEqual(interaction.activity_ids, activity)
        self.assertEqual(activity.date_deadline, later)

    def test_last_interaction_date_counts_done_interactions(self):
        old = fields.Datetime.now() - timedelta(days=40)
        recent = fields.Datetime.now() - timedelta(days=3)
        done_old = self._log(date_start=old)
        done_old.action_done()
        self._log(date_start=recent)  # planned: not yet an interaction that happened
        self.assertEqual(self.customer.last_interaction_date, old)
        self.assertEqual(self.customer.interaction_count, 2)

        not_contacted = self.env["res.partner"].search(
            [
                ("id", "=", self.customer.id),
                (
                    "last_interaction_date",
                    "<",
                    fields.Datetime.now() - timedelta(days=30),
                ),
            ]
        )
        self.assertEqual(not_contacted, self.customer)

    def test_last_interaction_date_is_stored_not_computed_per_read(self):
        customers = self.env["res.partner"].create(
            [{"name": f"C{n}", "customer_type": "customer"} for n in range(20)]
        )
        self.Interaction.create(
            [
                {
                    "name": "Visit",
                    "partner_id": customer.id,
                    "type_id": self.call.id,
                    "state": "done",
                }
                for customer in customers
            ]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            customers.mapped("last_interaction_date")

    def test_salesman_sees_only_own_interactions_and_own_customers(self):
        mine = self._log(user=self.salesman)
        theirs = self._log(user=self.other_salesman)
        visible = self.Interaction.with_user(self.salesman).search(
            [("id", "in", (mine | theirs).ids)]
        )
        self.assertEqual(visible, mine)
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'read' access to:\s+- Customer Interaction",
        ):
            theirs.with_user(self.salesman).read(["name"])

        self.customer.user_id = self.salesman
        visible = self.Interaction.with_user(self.salesman).search(
            [("id", "in", (mine | theirs).ids)]
        )
        self.assertEqual(visible, mine | theirs)

    def test_company_option_lets_salesmen_read_but_not_edit_others_interactions(self):
        theirs = self._log(user=self.other_salesman)
        self.env.company.crm_share_interactions = True
        visible = self.Interaction.with_user(self.salesman).search(
            [("id", "=", theirs.id)]
        )
        self.assertEqual(visible, theirs)
        with assert_refused(
            self,
            AccessError,
            r"doesn't have 'write' access to:\s+- Customer Interaction",
        ):
            theirs.with_user(self.salesman).write({"result": "Not mine to edit"})

        self.env.company.crm_share_interactions = False
        self.assertFalse(
            self.Interaction.with_user(self.salesman).search([("id", "=", theirs.id)])
        )

    def test_sharing_follows_the_companies_active_in_the_session(self):
        """The option is the interaction's company's, among those the user works in
        right now: not the user's default company's."""
        sharing = self.env.company
        sharing.crm_share_interactions = True
        private = self.env["res.company"].create({"name": "Chi nhánh Hải Phòng"})
        both = [Command.set((sharing | private).ids)]
        salesman, other = (
            mail_new_test_user(
                self.env,
                login=login,
                groups="base.group_user,sales_team.group_sale_salesman",
                company_id=company.id,
                company_ids=both,
            )
            for login, company in (("share_seller", sharing), ("share_other", private))
        )
        in_sharing = self._log(user=other, company_id=sharing.id)
        in_private = self._log(user=other, company_id=private.id)
        shared_contact = self._log(user=other, company_id=False)
        everything = in_sharing | in_private | shared_contact

        # default company shares, the session works in the private one
        visible = as_request(salesman, self.Interaction, companies=private).search(
            [("id", "in", everything.ids)]
        )
        self.assertFalse(visible)
        # default company private, the session works in the sharing one
        salesman.company_id = private
        visible = as_request(salesman, self.Interaction, companies=sharing).search(
            [("id", "in", everything.ids)]
        )
        self.assertEqual(visible, in_sharing | shared_contact)
        # both active: each interaction under its own company's option
        visible = as_request(
            salesman, self.Interaction, companies=sharing | private
        ).search([("id", "in", everything.ids)])
        self.assertEqual(visible, in_sharing | shared_contact)

    def test_all_documents_salesman_sees_every_interaction(self):
        interactions = self._log(user=self.salesman) | self._log(
            user=self.other_salesman
        )
        visible = self.Interaction.with_user(self.all_docs_salesman).search(
            [("id", "in", interactions.ids)]
        )
        self.assertEqual(visible, interactions)

    def test_user_without_sales_rights_is_refused(self):
        employee = mail_new_test_user(
            self.env, login="crm_customer_employee", groups="base.group_user"
        )
        self._log(user=self.salesman)
        with assert_refused(
            self, AccessError, "not allowed to access 'Customer Interaction'"
        ):
            self.Interaction.with_user(employee).search([])
        with assert_refused(
            self, AccessError, "not allowed to create 'Customer Interaction'"
        ):
            self._log(user=employee)

    def test_state_buttons(self):
        interaction = self._log()
        interaction.action_start()
        self.assertEqual(interaction.state, "in_progress")
        interaction.action_done()
        self.assertEqual(interaction.state, "done")
        interaction.action_cancel()
        interaction.action_plan()
        self.assertEqual(interaction.state, "planned")

    def test_log_from_the_customer_form_button(self):
        action = self.customer.action_open_interactions()
        with Form(
            self.Interaction.with_context(**action["context"])
        ) as interaction_form:
            interaction_form.name = "Sent the rate sheet"
            interaction_form.type_id = self.call
        self.assertEqual(interaction_form.record.partner_id, self.customer)
        self.assertEqual(self.customer.interaction_count, 1)
