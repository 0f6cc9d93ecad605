from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.crm_freight_pricing.tests.common import FreightCommon

AGENT_GROUPS = "base.group_user,helpdesk_mgmt.group_helpdesk_user_own"


@tagged("post_install", "-at_install")
class TestCargoClaim(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(cls.env, "claim_agent", groups=AGENT_GROUPS)
        cls.company.write(
            {
                "claim_notice_days": 3,
                "claim_time_bar_months": 12,
                "claim_reminder_days": 2,
                "claim_liability_per_kg": 2.5,
                "claim_liability_currency_id": cls.usd.id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Saigon Garments", "is_company": True}
        )
        rate = cls._create_fcl_rate()
        product = cls.env["product.product"].create(
            {"name": "Ocean freight", "type": "service", "list_price": 1000.0}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "freight_mode": "sea_fcl",
                "origin_location_id": cls.pol.id,
                "destination_location_id": cls.pod.id,
                "gross_weight": 1200.0,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "freight_rate_id": rate.id}
                    )
                ],
            }
        )
        cls.order.action_confirm()
        action = cls.order.action_create_freight_booking_request()
        cls.booking = cls.env["freight.booking.request"].browse(action["res_id"])
        cls.booking.gross_weight = 1200.0

    def _claim(self, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            .create(
                {
                    "name": "Wet cartons",
                    "description": "<p>Wet cartons at unstuffing</p>",
                    "partner_id": self.customer.id,
                    "user_id": self.agent.id,
                    "claim_type": "damage",
                    "claim_booking_id": self.booking.id,
                    "claim_incident_date": date(2026, 11, 20),
                    "claim_notice_date": date(2026, 11, 21),
                    "claim_amount": 5000.0,
                    "claim_currency_id": self.usd.id,
                    **values,
                }
            )
        )

    def test_agent_opens_a_claim_on_a_booking(self):
        claim = self._claim()
        self.assertEqual(claim.claim_order_id, self.order)
        self.assertEqual(claim.claim_carrier_id, self.carrier)
        self.assertEqual(claim.claim_origin_id, self.pol)
        self.assertEqual(claim.claim_lane, f"{self.pol.code} → {self.pod.code}")
        self.assertEqual(claim.claim_weight, 1200.0)
        self.assertEqual(claim.claim_liability_limit, 3000.0)
        self.assertEqual(claim.claim_liability_currency_id, self.usd)
        self.assertEqual(self.booking.with_user(self.agent).claim_count, 1)

    def test_agent_reads_no_order_line_nor_profit(self):
        booking = self.booking.with_user(self.agent)
        self.assertEqual(booking.partner_id, self.customer)
        with self.assertRaises(AccessError):
            booking.read(["expected_profit"])
        with self.assertRaises(AccessError):
            self.order.with_user(self.agent).order_line.read(["price_unit"])
        with self.assertRaises(AccessError):
            booking.write({"commodity": "Changed"})
        self.booking.user_id = self.salesman
        salesman_booking = self.booking.with_user(self.salesman)
        self.assertFalse(
            salesman_booking.read(["expected_profit"])[0]["expected_profit"]
        )

    def test_deadlines_follow_the_claim(self):
        claim = self._claim()
        self.assertEqual(claim.claim_notice_deadline, date(2026, 11, 23))
        self.assertEqual(claim.claim_time_bar_date, date(2027, 11, 20))
        self.assertEqual(claim.claim_next_deadline, date(2026, 11, 23))
        claim.claim_carrier_notified_date = date(2026, 11, 22)
        self.assertEqual(claim.claim_next_deadline, date(2027, 11, 20))
        claim.write({"claim_outcome": "recovered", "claim_amount_recovered": 3000.0})
        self.assertFalse(claim.claim_next_deadline)

    def test_time_bar_runs_from_the_delivery(self):
        # damaged on board on the 20th, delivered on the 25th: the notice runs from
        # the incident, the time bar from the delivery
        claim = self._claim(claim_delivery_date=date(2026, 11, 25))
        self.assertEqual(claim.claim_notice_deadline, date(2026, 11, 23))
        self.assertEqual(claim.claim_time_bar_date, date(2027, 11, 25))
        # lost cargo: the day it should have been delivered
        claim.write({"claim_type": "loss", "claim_delivery_date": date(2026, 12, 5)})
        self.assertEqual(claim.claim_time_bar_date, date(2027, 12, 5))
        # the setting stays the company's
        self.company.claim_time_bar_months = 9
        self.assertEqual(claim.claim_time_bar_date, date(2027, 9, 5))
        claim.claim_delivery_date = False
        self.assertEqual(claim.claim_time_bar_date, date(2027, 8, 20))
        claim.claim_carrier_notified_date = date(2026, 11, 22)
        self.assertEqual(claim.claim_next_deadline, date(2027, 8, 20))

    def test_claims_report_in_company_currency(self):
        """USD company: 130,000,000 VND on 20/11/2026 at 25,000 VND a dollar is
        5,200.00 USD; received on 02/12/2026 without an incident date, at 26,000
        it is 5,000.00 USD."""
        vnd = self.env.ref("base.VND")
        vnd.active = True
        self.env["res.currency.rate"].create(
            [
                {"currency_id": vnd.id, "name": day, "rate": rate}
                for day, rate in (("2026-11-01", 25000.0), ("2026-12-01", 26000.0))
            ]
        )
        usd_claim = self._claim(claim_amount_recovered=1000.0)
        vnd_claim = self._claim(
            claim_currency_id=vnd.id,
            claim_amount=130_000_000.0,
            claim_amount_recovered=52_000_000.0,
        )
        received_claim = self._claim(
            claim_type="shortage",
            claim_currency_id=vnd.id,
            claim_amount=130_000_000.0,
            claim_incident_date=False,
            claim_notice_date=date(2026, 12, 2),
        )
        self.assertEqual(usd_claim.claim_amount_company, 5000.0)
        self.assertEqual(usd_claim.claim_amount_recovered_company, 1000.0)
        self.assertEqual(vnd_claim.claim_company_currency_id, self.usd)
        self.assertEqual(vnd_claim.claim_amount_company, 5200.0)
        self.assertEqual(vnd_claim.claim_amount_recovered_company, 2080.0)
        self.assertEqual(received_claim.claim_amount_company, 5000.0)
        # the form keeps the amount as claimed
        self.assertEqual(vnd_claim.claim_amount, 130_000_000.0)
        groups = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            ._read_group(
                [("claim_type", "!=", False)],
                ["claim_type"],
                ["claim_amount_company:sum", "claim_amount_recovered_company:sum"],
            )
        )
        self.assertEqual(
            groups, [("damage", 10200.0, 3080.0), ("shortage", 5000.0, 0.0)]
        )

    def test_agent_is_reminded_before_the_notice_deadline(self):
        claim = self._claim()
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-11-20 03:00:00"):
            self.assertNotIn(claim, Ticket._cron_remind_deadlines())
        with freeze_time("2026-11-21 03:00:00"):
            self.assertIn(claim, Ticket._cron_remind_deadlines())
            self.assertNotIn(claim, Ticket._cron_remind_deadlines(), "only once")
        activity = claim.activity_ids
        self.assertEqual(activity.user_id, self.agent)
        self.assertEqual(activity.date_deadline, date(2026, 11, 23))
        self.assertEqual(activity.summary, "Notify the carrier of the claim")
        claim.claim_carrier_notified_date = date(2026, 11, 22)
        with freeze_time("2027-11-19 03:00:00"):
            self.assertIn(claim, Ticket._cron_remind_deadlines())
        self.assertIn("Claim time bar", claim.activity_ids.mapped("summary"))

    def test_bad_claims_are_refused_and_nothing_is_saved(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.agent)
        for values in (
            {"claim_amount": -1.0},
            {"claim_incident_date": date(2026, 11, 22)},
            {"claim_carrier_notified_date": date(2026, 11, 19)},
            {"claim_amount_recovered": 5000.01},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self._claim(**values)
        self.assertFalse(Ticket.search([("claim_type", "!=", False)]))
        claim = self._claim()
        with self.assertRaises(ValidationError):
            claim.claim_amount_recovered = 6000.0
        self.assertEqual(claim.claim_amount_recovered, 0.0)

    def test_claims_report_per_carrier_lane_and_customer(self):
        self._claim()
        self._claim(claim_type="shortage", claim_amount=1000.0)
        groups = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent)
            ._read_group(
                [("claim_type", "!=", False)],
                ["claim_carrier_id", "claim_lane", "commercial_partner_id"],
                ["claim_amount:sum", "__count"],
            )
        )
        self.assertEqual(
            groups,
            [
                (
                    self.carrier,
                    f"{self.pol.code} → {self.pod.code}",
                    self.customer,
                    6000.0,
                    2,
                )
            ],
        )

    def test_settings_refuse_negative_limits(self):
        admin = new_test_user(
            self.env, "claim_settings_admin", groups="base.group_user,base.group_system"
        )
        settings = Form(self.env["res.config.settings"].with_user(admin))
        settings.claim_notice_days = 7
        settings.save().execute()
        self.assertEqual(self.company.claim_notice_days, 7)
        with self.assertRaises(ValidationError):
            self.company.with_user(admin).claim_liability_per_kg = -1.0
