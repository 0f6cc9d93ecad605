from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CrmServiceCommon

# 2026-11-20 is a Friday; the test calendar works 8-12 and 13-17 UTC on weekdays.
FRIDAY_15 = "2026-11-20 15:00:00"


@tagged("post_install", "-at_install")
class TestSla(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Sla = cls.env["crm.service.sla"]
        cls.sla_default = Sla.create(
            {"name": "Default", "response_hours": 4, "resolve_hours": 16}
        )
        cls.sla_team_urgent = Sla.create(
            {
                "name": "Team urgent",
                "team_id": cls.team.id,
                "priority": "3",
                "response_hours": 1,
                "resolve_hours": 8,
            }
        )
        cls.sla_repair = Sla.create(
            {
                "name": "Repairs",
                "category_id": cls.cat_repair.id,
                "response_hours": 2,
                "resolve_hours": 24,
            }
        )

    def test_most_specific_sla_applies(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        self.assertEqual(ticket.sla_id, self.sla_default)
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(ticket.sla_id, self.sla_repair)
        # the team criterion weighs more than the category one
        ticket.priority = "3"
        self.assertEqual(ticket.sla_id, self.sla_team_urgent)

    @freeze_time(FRIDAY_15)
    def test_covered_cases_get_their_sla(self):
        """An SLA for cases under contract gives them its targets; the agent's
        other cases keep the default one."""
        sla_covered = self.env["crm.service.sla"].create(
            {
                "name": "Under contract",
                "contract_coverage": "covered",
                "response_hours": 1,
                "resolve_hours": 8,
            }
        )
        self.env["crm.service.contract"].create(
            {
                "name": "Support",
                "partner_id": self.customer.id,
                "date_start": "2026-01-01",
                "product_ids": [(4, self.product.id)],
            }
        )
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent_1)
        values = {
            "name": "Alarm",
            "description": "<p>Alarm</p>",
            "team_id": self.team.id,
            "partner_id": self.contact.id,
        }
        covered = Ticket.create({**values, "product_id": self.product.id})
        self.assertEqual(covered.contract_coverage, "covered")
        self.assertEqual(covered.sla_id, sla_covered)
        # Friday 15:00 + 1 working hour
        self.assertEqual(covered.response_deadline, datetime(2026, 11, 20, 16, 0))
        other = Ticket.create({**values, "product_id": self.other_product.id})
        self.assertEqual(other.contract_coverage, "not_covered")
        self.assertEqual(other.sla_id, self.sla_default)

    def test_hanoi_evening_case_is_due_on_the_next_working_morning(self):
        calendar = self.calendar
        calendar.tz = "Asia/Ho_Chi_Minh"
        # Tuesday 1 December 2026, 18:30 in Vietnam: after hours
        with freeze_time("2026-12-01 11:30:00"):
            ticket = self._create_ticket(team_id=self.other_team.id)
        # 4 working hours from Wednesday 8:00 ICT: noon ICT, 05:00 UTC
        self.assertEqual(ticket.response_deadline, datetime(2026, 12, 2, 5, 0))

    def test_tet_holiday_stops_the_sla_clock(self):
        calendar = self.calendar
        calendar.tz = "Asia/Ho_Chi_Minh"
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Tết Nguyên đán 2027",
                "calendar_id": calendar.id,
                "resource_id": False,
                "date_from": datetime(2027, 2, 4, 17, 0),  # 5 February 00:00 ICT
                "date_to": datetime(2027, 2, 11, 16, 59, 59),  # 11 February, ICT
            }
        )
        # Thursday 4 February 2027, 16:00 in Vietnam
        with freeze_time("2027-02-04 09:00:00"):
            ticket = self._create_ticket(team_id=self.other_team.id)
        # one hour on Thursday, three on Friday 12 February after the holiday
        self.assertEqual(ticket.response_deadline, datetime(2027, 2, 12, 4, 0))

    @freeze_time(FRIDAY_15)
    def test_deadlines_skip_the_weekend(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        # 2 hours on Friday, the rest from Monday 8:00
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 23, 10, 0))
        # 2 h Friday + 8 h Monday + 6 h Tuesday
        self.assertEqual(ticket.resolve_deadline, datetime(2026, 11, 24, 15, 0))
        self.assertAlmostEqual(ticket.sla_hours_left, 4.0)
        with freeze_time("2026-11-21 12:00:00"):  # Saturday: the clock stands still
            ticket.invalidate_recordset(["sla_hours_left"])
            self.assertAlmostEqual(ticket.sla_hours_left, 2.0)

    @freeze_time("2026-11-21 10:00:00")
    def test_case_opened_on_saturday_starts_on_monday(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 23, 12, 0))
        self.assertEqual(ticket.resolve_deadline, datetime(2026, 11, 24, 17, 0))

    @freeze_time("2026-11-23 20:00:00")
    def test_case_opened_after_hours_starts_next_morning(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        self.assertEqual(ticket.response_deadline, datetime(2026, 11, 24, 12, 0))

    @freeze_time(FRIDAY_15)
    def test_agent_answer_in_time_is_no_breach(self):
        ticket = self._create_ticket(team_id=self.team.id)
        # an internal note is no answer
        ticket.with_user(ticket.user_id).message_post(
            body="Checking", subtype_xmlid="mail.mt_note", message_type="comment"
        )
        self.assertFalse(ticket.first_response_date)
        ticket.with_user(ticket.user_id).message_post(
            body="We are on it", subtype_xmlid="mail.mt_comment", message_type="comment"
        )
        self.assertEqual(ticket.first_response_date, datetime(2026, 11, 20, 15, 0))
        with freeze_time("2026-11-23 11:00:00"):
            self.env["helpdesk.ticket"]._cron_escalate_sla_breaches()
        self.assertFalse(ticket.sla_response_breached)
        self.assertFalse(ticket.activity_ids)

    @freeze_time(FRIDAY_15)
    def test_cron_escalates_breaches_to_team_leader_once(self):
        ticket = self._create_ticket(team_id=self.team.id)
        self.assertFalse(ticket.sla_response_breached)
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-11-23 09:59:00"):
            Ticket._cron_escalate_sla_breaches()
            self.assertFalse(ticket.sla_response_breached)
        with freeze_time("2026-11-23 11:00:00"):
            Ticket._cron_escalate_sla_breaches()
            Ticket._cron_escalate_sla_breaches()
        self.assertTrue(ticket.sla_response_breached)
        self.assertFalse(ticket.sla_resolve_breached)
        self.assertEqual(ticket.activity_ids.user_id, self.leader)
        self.assertEqual(len(ticket.activity_ids), 1)
        self.assertIn(ticket, Ticket.search([("sla_response_breached", "=", True)]))
        with freeze_time("2026-11-24 16:00:00"):
            Ticket._cron_escalate_sla_breaches()
            Ticket._cron_escalate_sla_breaches()
        self.assertTrue(ticket.sla_resolve_breached)
        self.assertEqual(len(ticket.activity_ids), 2)

    @freeze_time(FRIDAY_15)
    def test_closing_late_flags_the_resolution(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        with freeze_time("2026-11-24 15:30:00"):
            ticket.stage_id = self.stage_done
        self.assertTrue(ticket.sla_resolve_breached)
        self.assertEqual(ticket.sla_hours_left, 0.0)

    @freeze_time(FRIDAY_15)
    def test_resolution_deadline_before_opening_is_refused(self):
        ticket = self._create_ticket(team_id=self.other_team.id)
        with self.assertRaisesRegex(ValidationError, "cannot be before the case"):
            ticket.resolve_deadline = datetime(2026, 11, 20, 14, 0)
        # a later deadline is accepted
        ticket.resolve_deadline = datetime(2026, 11, 27, 17, 0)
        self.assertEqual(ticket.resolve_deadline, datetime(2026, 11, 27, 17, 0))

    def test_negative_sla_hours_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self.env["crm.service.sla"].create(
                {"name": "Bad", "response_hours": -1, "resolve_hours": 4}
            )
        with self.assertRaisesRegex(ValidationError, "longer"):
            self.env["crm.service.sla"].create(
                {"name": "Bad", "response_hours": 8, "resolve_hours": 4}
            )
