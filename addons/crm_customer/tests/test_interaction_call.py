from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestInteractionCall(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.env.ref("crm_customer.interaction_type_call")
        cls.meeting = cls.env.ref("crm_customer.interaction_type_meeting")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Biển Đông", "is_company": True, "customer_type": "customer"}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Ms Hoa",
                "parent_id": cls.customer.id,
                "mobile": "+84 90 111 2222",
            }
        )
        cls.Interaction = cls.env["crm.customer.interaction"].with_user(cls.salesman)

    def test_a_call_is_an_interaction_with_direction_number_duration_result(self):
        self.assertTrue(self.call.is_call)
        self.assertFalse(self.meeting.is_call)
        with Form(self.Interaction) as form:
            form.name = "Asked for a reefer rate"
            form.partner_id = self.customer
            form.type_id = self.call
            form.contact_id = self.contact
            # the contact's number comes in by itself
            self.assertEqual(form.phone_number, "+84 90 111 2222")
            form.call_direction = "in"
            form.call_duration = 0.25
            form.call_result = "reached"
        call = form.save()
        self.assertEqual(call.user_id, self.salesman)
        self.assertEqual(
            self.Interaction.search([("type_id.is_call", "=", True)]), call
        )
        # calls by agent and result: the statistics read them grouped
        [(user, result, count, duration)] = self.Interaction._read_group(
            [("type_id.is_call", "=", True)],
            ["user_id", "call_result"],
            ["__count", "call_duration:sum"],
        )
        self.assertEqual((user, result, count), (self.salesman, "reached", 1))
        self.assertAlmostEqual(duration, 0.25)

    def test_calls_are_on_the_customer_timeline(self):
        call = self.Interaction.create(
            {
                "name": "Chased the booking",
                "partner_id": self.customer.id,
                "type_id": self.call.id,
                "call_direction": "out",
                "call_result": "no_answer",
            }
        )
        entries = self.env["crm.customer.timeline"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertIn((call._name, call.id), [(e.res_model, e.res_id) for e in entries])

    def test_negative_duration_is_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "negative time"),
            self.env.cr.savepoint(),
        ):
            self.Interaction.create(
                {
                    "name": "Bad",
                    "partner_id": self.customer.id,
                    "type_id": self.call.id,
                    "call_duration": -0.5,
                }
            )
        self.assertFalse(self.Interaction.search([("name", "=", "Bad")]))
