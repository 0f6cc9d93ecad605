from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestCrossSell(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sales = "base.group_user,sales_team.group_sale_salesman"
        cls.lan = mail_new_test_user(cls.env, login="crm_service_xs_lan", groups=sales)
        cls.tuan = mail_new_test_user(
            cls.env, login="crm_service_xs_tuan", groups=sales
        )
        cls.agent = mail_new_test_user(
            cls.env,
            login="crm_service_xs_agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.customer.user_id = cls.lan
        Need = cls.env["crm.customer.need"]
        cls.need = Need.create(
            {
                "partner_id": cls.customer.id,
                "name": "Cold storage",
                "user_id": cls.lan.id,
            }
        )
        cls.won_need = Need.create(
            {
                "partner_id": cls.customer.id,
                "name": "Trucking",
                "user_id": cls.lan.id,
                "state": "won",
            }
        )
        Competitor = cls.env["crm.customer.competitor.product"]
        cls.unhappy = Competitor.create(
            {
                "partner_id": cls.customer.id,
                "name": "Air freight via another forwarder",
                "operating_status": "unsatisfied",
                "user_id": cls.lan.id,
            }
        )
        Competitor.create(
            {
                "partner_id": cls.customer.id,
                "name": "Customs brokerage",
                "operating_status": "satisfied",
                "user_id": cls.lan.id,
            }
        )
        cls.ticket = cls._create_ticket(user_id=cls.agent.id)
        cls.ticket.stage_id = cls.stage_done
        cls.ticket.message_subscribe(partner_ids=(cls.lan | cls.tuan).partner_id.ids)

    def test_salesperson_sees_her_customers_open_needs_on_a_solved_case(self):
        ticket = self.ticket.with_user(self.lan)
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.cross_sell_need_ids, self.need)
        self.assertEqual(ticket.cross_sell_competitor_product_ids, self.unhappy)

    def test_other_salesperson_sees_no_suggestion(self):
        ticket = self.ticket.with_user(self.tuan)
        self.assertEqual(ticket.name, "Test case")
        self.assertFalse(ticket.cross_sell_need_ids)
        self.assertFalse(ticket.cross_sell_competitor_product_ids)

    def test_agent_without_sales_rights_is_refused_the_suggestions(self):
        ticket = self.ticket.with_user(self.agent)
        self.assertEqual(ticket.name, "Test case")
        with self.assertRaises(AccessError):
            ticket.read(["cross_sell_need_ids"])
