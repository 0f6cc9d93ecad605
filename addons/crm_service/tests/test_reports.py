from freezegun import freeze_time

from odoo.tests import tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestReports(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        DefectType = cls.env["crm.service.defect.type"]
        cls.sensor = DefectType.create({"name": "Test sensor failure"})
        cls.transport = DefectType.create({"name": "Test transport damage"})

    def test_defect_statistics_per_product(self):
        for product, defect in (
            (self.product, self.sensor),
            (self.product, self.sensor),
            (self.product, self.transport),
            (self.other_product, self.transport),
        ):
            self._create_ticket(
                product_id=product.id, defect_type_id=defect.id, lot_serial="LOT-1"
            )
        self._create_ticket(product_id=self.product.id)  # a question, no defect
        groups = self.env["helpdesk.ticket"]._read_group(
            [
                ("defect_type_id", "!=", False),
                ("product_id", "in", (self.product | self.other_product).ids),
            ],
            ["product_id", "defect_type_id"],
            ["__count"],
        )
        self.assertEqual(
            {(p.name, d.name): count for p, d, count in groups},
            {
                ("Reefer unit", "Test sensor failure"): 2,
                ("Reefer unit", "Test transport damage"): 1,
                ("Forklift", "Test transport damage"): 1,
            },
        )

    @freeze_time("2026-11-20 15:00:00")
    def test_response_and_resolution_times_in_working_hours(self):
        ticket = self._create_ticket(team_id=self.team.id)
        with freeze_time("2026-11-23 09:00:00"):
            ticket.with_user(ticket.user_id).message_post(
                body="Looking", subtype_xmlid="mail.mt_comment", message_type="comment"
            )
        with freeze_time("2026-11-24 10:00:00"):
            ticket.stage_id = self.stage_done
        # Friday 15-17, Monday 8-9
        self.assertAlmostEqual(ticket.response_work_hours, 3.0)
        # Friday 2 h, Monday 8 h, Tuesday 8-10
        self.assertAlmostEqual(ticket.resolve_work_hours, 12.0)
        groups = self.env["helpdesk.ticket"]._read_group(
            [("id", "=", ticket.id)],
            ["team_id"],
            ["response_work_hours:avg", "resolve_work_hours:avg"],
        )
        self.assertEqual(groups, [(self.team, 3.0, 12.0)])

    def test_analysis_actions_open(self):
        for xmlid in (
            "crm_service.helpdesk_ticket_action_analysis",
            "crm_service.helpdesk_ticket_action_defect_analysis",
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
            views = self.env["helpdesk.ticket"].get_views(
                [(False, "pivot"), (False, "graph")], {"action_id": action["id"]}
            )
            self.assertIn("pivot", views["views"])

    def test_customer_rates_a_solved_case_per_agent_and_team(self):
        self.stage_done.rating_mail_template_id = self.env.ref(
            "helpdesk_mgmt_rating.rating_ticket_email_template"
        )
        ticket = self._create_ticket(team_id=self.team.id)
        agent = ticket.user_id
        ticket.stage_id = self.stage_done
        rating = ticket.rating_ids
        self.assertEqual(len(rating), 1)
        self.assertFalse(rating.consumed)
        # the rating request is no answer to the customer
        self.assertFalse(ticket.first_response_date)
        ticket.rating_apply(5, token=rating.access_token, feedback="Quick and kind")
        self.assertTrue(rating.consumed)
        self.assertEqual(rating.rated_partner_id, agent.partner_id)
        self.assertEqual(rating.parent_res_model, "helpdesk.ticket.team")
        self.assertEqual(rating.parent_res_id, self.team.id)
        groups = self.env["rating.rating"]._read_group(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)],
            ["rated_partner_id", "parent_res_name"],
            ["rating:avg"],
        )
        self.assertEqual(groups, [(agent.partner_id, self.team.display_name, 5.0)])
