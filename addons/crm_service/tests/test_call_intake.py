from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import run_migration

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestCallIntake(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call_type = cls.env.ref("crm_customer.interaction_type_call")
        cls.customer.customer_type = "customer"
        cls.contact.phone = "+84 24 3333 4444"
        cls.Interaction = cls.env["crm.customer.interaction"]

    def _log_call(self, user, **values):
        return self.Interaction.with_user(user).create(
            {
                "name": "Reefer alarm on container MSKU1234567",
                "partner_id": self.customer.id,
                "contact_id": self.contact.id,
                "type_id": self.call_type.id,
                "call_direction": "in",
                "call_duration": 0.1,
                "call_result": "reached",
                "result": "Temperature alarm since this morning",
                **values,
            }
        )

    def test_agent_logs_a_call_and_opens_a_case_in_one_step(self):
        call = self._log_call(self.agent_1)
        self.assertEqual(call.user_id, self.agent_1)
        self.assertEqual(call.phone_number, "+84 24 3333 4444")
        action = call.with_user(self.agent_1).action_open_case()
        ticket = call.ticket_id
        self.assertEqual(action["res_id"], ticket.id)
        self.assertEqual(ticket.name, call.name)
        self.assertEqual(ticket.partner_id, self.contact)
        # the name and email helpdesk_mgmt's form copies from the contact
        self.assertEqual(ticket.partner_name, "Nguyễn Văn Minh")
        self.assertEqual(ticket.partner_email, "minh@bienxanh.example.com")
        self.assertIn("Temperature alarm", ticket.description)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"),
        )
        self.assertEqual(ticket.with_user(self.agent_1).interaction_count, 1)
        with self.assertRaisesRegex(UserError, "already has the case"):
            call.with_user(self.agent_1).action_open_case()

    def test_call_logged_from_the_case_is_linked_to_it(self):
        ticket = self._create_ticket(team_id=self.team.id, user_id=self.agent_1.id)
        action = ticket.with_user(self.agent_1).action_log_call()
        with Form(
            self.Interaction.with_user(self.agent_1).with_context(**action["context"])
        ) as form:
            form.call_duration = 0.5
            form.call_result = "reached"
        call = form.save()
        self.assertEqual(call.ticket_id, ticket)
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(call.contact_id, self.contact)
        self.assertEqual(call.call_direction, "in")
        # a team mate reads it on the case, an agent of another team does not
        self.assertEqual(ticket.with_user(self.agent_2).interaction_ids, call)
        with self.assertRaises(AccessError):
            call.with_user(self.agent_other).read(["name"])

    def test_calls_per_agent_result_and_direction(self):
        self._log_call(self.agent_1)
        self._log_call(self.agent_1, call_result="no_answer", call_direction="out")
        self._log_call(self.agent_2)
        groups = self.Interaction.with_user(self.manager)._read_group(
            [("type_id.is_call", "=", True), ("ticket_id", "=", False)],
            ["user_id", "call_direction", "call_result"],
            ["__count"],
        )
        self.assertEqual(len(groups), 0)  # managers see the calls of cases only
        groups = self.Interaction.with_user(self.agent_1)._read_group(
            [("type_id.is_call", "=", True)],
            ["call_direction", "call_result"],
            ["__count"],
        )
        self.assertEqual(
            sorted(groups), [("in", "reached", 1), ("out", "no_answer", 1)]
        )

    def test_case_keeps_the_name_and_email_it_was_given(self):
        """A sender's own name and email (a mail, the portal) are kept beside the
        contact; cases from before get their contact's (migration 18.0.1.7.0)."""
        given = self._create_ticket(partner_name="Minh (kho)", partner_email="kho@x.vn")
        self.assertEqual(
            (given.partner_name, given.partner_email), ("Minh (kho)", "kho@x.vn")
        )
        old = self._create_ticket()
        old.write({"partner_name": False, "partner_email": False})
        old.flush_recordset()
        run_migration(self.env.cr, "crm_service", "18.0.1.7.0", "18.0.1.6.0")
        self.env.invalidate_all()
        self.assertEqual(old.partner_name, "Nguyễn Văn Minh")
        self.assertEqual(given.partner_name, "Minh (kho)")
