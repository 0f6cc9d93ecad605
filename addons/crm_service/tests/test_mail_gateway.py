from odoo.tests import tagged

from odoo.addons.mail.tests.common import MailCommon, mail_new_test_user

MAIL_TEMPLATE = """Return-Path: {return_path}
To: {to}
cc: {cc}
From: {email_from}
Subject: {subject}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Date: Fri, 20 Nov 2026 14:16:26 +0000
Message-ID: {msg_id}
{extra}

The reefer unit raises a temperature alarm again.
"""


@tagged("post_install", "-at_install")
class TestMailGateway(MailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_1 = mail_new_test_user(
            cls.env,
            login="crm_service_mail_agent_1",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.agent_2 = mail_new_test_user(
            cls.env,
            login="crm_service_mail_agent_2",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Mail Care",
                "alias_name": "care-mail-test",
                "user_ids": [cls.agent_1.id, cls.agent_2.id],
                "assignment_method": "round_robin",
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Biển Xanh JSC", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Văn Minh",
                "parent_id": cls.customer.id,
                "email": "minh@bienxanh.example.com",
            }
        )
        cls.alias_email = f"care-mail-test@{cls.alias_domain}"

    def test_email_creates_a_case_for_the_sender_and_replies_thread(self):
        with self.mock_mail_gateway():
            ticket = self.format_and_process(
                MAIL_TEMPLATE,
                '"Minh" <minh@bienxanh.example.com>',
                self.alias_email,
                subject="Reefer alarm",
                msg_id="<reefer-alarm-1@bienxanh.example.com>",
                target_model="helpdesk.ticket",
            )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.commercial_partner_id, self.customer)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.user_id, self.agent_1)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
        )
        # the customer's email is no answer
        self.assertFalse(ticket.first_response_date)
        messages = ticket.message_ids
        with self.mock_mail_gateway():
            self.format_and_process(
                MAIL_TEMPLATE,
                '"Minh" <minh@bienxanh.example.com>',
                self.alias_email,
                subject="Re: Reefer alarm",
                msg_id="<reefer-alarm-2@bienxanh.example.com>",
                extra="In-Reply-To: <reefer-alarm-1@bienxanh.example.com>",
                target_model="helpdesk.ticket",
            )
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count(
                [("partner_id", "=", self.contact.id)]
            ),
            1,
        )
        new_message = ticket.message_ids - messages
        self.assertEqual(len(new_message), 1)
        self.assertEqual(new_message.author_id, self.contact)

    def test_reassignment_is_logged(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Phone call",
                "description": "<p>Call</p>",
                "partner_id": self.contact.id,
                "team_id": self.team.id,
            }
        )
        self.flush_tracking()
        ticket.user_id = (
            self.agent_2 if ticket.user_id == self.agent_1 else self.agent_1
        )
        self.flush_tracking()
        tracked = ticket.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "user_id"
        )
        self.assertTrue(tracked)
        self.assertEqual(tracked[0].new_value_integer, ticket.user_id.id)
