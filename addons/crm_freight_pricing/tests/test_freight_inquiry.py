from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import FreightCommon

FRIDAY_3PM = datetime(2026, 11, 20, 15, 0)
MONDAY_9AM = datetime(2026, 11, 23, 9, 0)
MONDAY_10AM = datetime(2026, 11, 23, 10, 0)
MONDAY_11AM = datetime(2026, 11, 23, 11, 0)


class TestFreightInquiry(FreightCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the standard 40-hour week (8-12, 13-17, Monday to Friday), in UTC
        cls.company.resource_calendar_id.tz = "UTC"
        cls.seller_2 = new_test_user(
            cls.env, "seller_2", groups="sales_team.group_sale_salesman"
        )
        cls.pricing_manager = new_test_user(
            cls.env,
            "pricing_boss",
            groups="crm_freight_pricing.group_freight_pricing_manager",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Saigon Garments", "is_company": True}
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {"name": "Lan", "parent_id": cls.customer.id}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Garments to Shanghai",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "expected_revenue": 4000.0,
                "expected_profit": 400.0,
            }
        )

    def _inquiry(self, user=None, **values):
        return (
            self.env["freight.inquiry"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "freight_mode": "sea_fcl",
                    "origin_location_id": self.pol.id,
                    "destination_location_id": self.pod.id,
                    "container_line_ids": [
                        Command.create(
                            {"container_type_id": self.c40hc.id, "quantity": 2}
                        )
                    ],
                    **values,
                }
            )
        )

    def _todo(self, record, user):
        return record.activity_ids.filtered(lambda activity: activity.user_id == user)

    # ------------------------------------------------------------
    # Submission and notifications
    # ------------------------------------------------------------

    def test_submit_gives_assigned_pricing_member_an_activity(self):
        inquiry = self._inquiry(pricing_user_id=self.pricing_user.id)
        self.assertEqual(inquiry.state, "draft")
        self.assertTrue(inquiry.name.startswith("INQ/"))
        with freeze_time(FRIDAY_3PM):
            inquiry.action_submit()
        self.assertEqual(inquiry.state, "submitted")
        self.assertEqual(inquiry.submitted_at, FRIDAY_3PM)
        activity = self._todo(inquiry, self.pricing_user)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, MONDAY_10AM.date())
        self.assertIn(inquiry.name, activity.summary)
        # nobody else is asked
        self.assertEqual(inquiry.activity_ids, activity)
        self.assertNotIn(
            self.pricing_manager.partner_id, inquiry.message_ids.partner_ids
        )

    def test_submit_without_member_tells_the_whole_pricing_team(self):
        inquiry = self._inquiry()
        inquiry.action_submit()
        self.assertFalse(inquiry.activity_ids)
        message = inquiry.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )
        self.assertEqual(len(message), 1)
        team = (self.pricing_user | self.pricing_manager).partner_id
        self.assertEqual(message.partner_ids & team, team)
        self.assertNotIn(self.salesman.partner_id, message.partner_ids)
        self.assertNotIn(self.seller_2.partner_id, message.partner_ids)
        self.assertLessEqual(team, inquiry.message_partner_ids)

    def test_cannot_submit_twice(self):
        inquiry = self._inquiry()
        inquiry.action_submit()
        with assert_refused(self, UserError, r"Inquiry \S+ was already submitted\."):
            inquiry.action_submit()

    # ------------------------------------------------------------
    # Response-time clock
    # ------------------------------------------------------------

    def test_response_clock_counts_working_hours_across_the_weekend(self):
        inquiry = self._inquiry(pricing_user_id=self.pricing_user.id)
        with freeze_time(FRIDAY_3PM):
            inquiry.action_submit()
        # Friday 15-17 and Monday 8-10: four working hours
        self.assertEqual(inquiry.response_deadline, MONDAY_10AM)
        with freeze_time(MONDAY_9AM):
            inquiry.with_user(self.pricing_user).action_accept()
        self.assertEqual(inquiry.responded_at, MONDAY_9AM)
        self.assertAlmostEqual(inquiry.response_hours, 3.0)
        self.assertFalse(inquiry.activity_ids, "the pricing member's to-do is done")

    def test_response_target_per_mode(self):
        self.company.inquiry_target_hours_air = 1.5
        inquiry = self._inquiry(
            freight_mode="air",
            origin_location_id=self.aol.id,
            destination_location_id=self.aod.id,
            gross_weight=120.0,
            container_line_ids=[],
        )
        with freeze_time(FRIDAY_3PM):
            inquiry.action_submit()
        self.assertEqual(inquiry.response_deadline, datetime(2026, 11, 20, 16, 30))

    def test_settings_edit_company_targets(self):
        settings = self.env["res.config.settings"].create(
            {"inquiry_target_hours_truck": 2.0}
        )
        settings.execute()
        self.assertEqual(self.company.inquiry_target_hours_truck, 2.0)
        self.assertEqual(self.company.inquiry_target_hours_sea_fcl, 4.0)

    def test_cron_flags_overdue_and_escalates_once(self):
        late = self._inquiry()
        answered = self._inquiry()
        with freeze_time(FRIDAY_3PM):
            (late | answered).action_submit()
        with freeze_time(MONDAY_9AM):
            answered.with_user(self.pricing_user).action_accept()
            self.env["freight.inquiry"]._cron_escalate_overdue()
        self.assertFalse(late.is_overdue, "still within its four working hours")
        with freeze_time(MONDAY_11AM):
            flagged = self.env["freight.inquiry"]._cron_escalate_overdue()
            self.assertEqual(flagged, late)
            self.assertTrue(late.is_overdue)
            self.assertFalse(answered.is_overdue)
            escalation = self._todo(late, self.pricing_manager)
            self.assertEqual(len(escalation), 1)
            self.assertIn("Overdue", escalation.summary)
            self.assertFalse(self._todo(late, self.pricing_user))
            # idempotent: a second run changes nothing
            self.assertFalse(self.env["freight.inquiry"]._cron_escalate_overdue())
            self.assertEqual(len(self._todo(late, self.pricing_manager)), 1)
        overdue = self.env["freight.inquiry"].search([("is_overdue", "=", True)])
        self.assertIn(late, overdue)
        self.assertNotIn(answered, overdue)

    def test_cron_works_in_batches(self):
        inquiries = self._inquiry() | self._inquiry() | self._inquiry()
        with freeze_time(FRIDAY_3PM):
            inquiries.action_submit()
        with freeze_time(MONDAY_11AM):
            first = self.env["freight.inquiry"]._cron_escalate_overdue(batch_size=2)
            second = self.env["freight.inquiry"]._cron_escalate_overdue(batch_size=2)
        self.assertEqual(len(first), 2)
        self.assertEqual(first | second, inquiries)
        self.assertTrue(all(inquiries.mapped("is_overdue")))

    # ------------------------------------------------------------
    # Accept: quotation created or updated from rates
    # ------------------------------------------------------------

    def _quote_from_rates(self, inquiry):
        action = inquiry.with_user(self.pricing_user).action_open_rate_search()
        search = (
            self.env["freight.rate.search"]
            .with_user(self.pricing_user)
            .with_context(**action["context"])
            .create({"margin_value": 10.0, "sell_rounding": 0.0})
        )
        search.action_search()
        return search, search.option_ids[:1].action_add_to_order()

    def test_accept_prefills_rate_search_and_creates_the_quotation(self):
        self._create_fcl_rate()
        inquiry = self._inquiry(
            opportunity_id=self.opportunity.id, pricing_user_id=self.pricing_user.id
        )
        inquiry.action_submit()
        action = inquiry.with_user(self.pricing_user).action_accept()
        self.assertEqual(inquiry.state, "accepted")
        self.assertEqual(inquiry.expected_profit, 400.0, "from the opportunity")
        self.assertEqual(action["res_model"], "freight.rate.search")
        accept_message = inquiry.message_ids[0]
        self.assertEqual(accept_message.partner_ids, self.salesman.partner_id)
        self.assertIn("accepted", accept_message.body)

        search, result = self._quote_from_rates(inquiry)
        self.assertEqual(search.inquiry_id, inquiry)
        self.assertEqual(search.freight_mode, "sea_fcl")
        self.assertEqual(search.origin_location_id, self.pol)
        self.assertEqual(search.container_line_ids.container_type_id, self.c40hc)
        self.assertEqual(len(search.option_ids), 1)

        order = inquiry.order_id
        self.assertTrue(order)
        self.assertEqual(result["res_id"], order.id)
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.opportunity_id, self.opportunity)
        self.assertEqual(order.origin, inquiry.name)
        self.assertEqual(order.freight_mode, "sea_fcl")
        self.assertEqual(order.container_line_ids.quantity, 2)
        freight_line = order.order_line.filtered("freight_rate_id")
        self.assertEqual(freight_line.purchase_price, 1500.0)
        self.assertEqual(freight_line.price_unit, 1650.0)
        self.assertEqual(inquiry.state, "quoted")
        self.assertEqual(order.freight_inquiry_count, 1)
        # the salesperson owns the quotation, is told and asked to send it
        send_todo = self._todo(order, self.salesman)
        self.assertEqual(len(send_todo), 1)
        self.assertEqual(inquiry.message_ids[0].partner_ids, self.salesman.partner_id)
        self.assertEqual(
            order.with_user(self.salesman).read(["name"])[0]["name"], order.name
        )

    def test_quoting_again_updates_the_same_quotation(self):
        self._create_fcl_rate()
        inquiry = self._inquiry()
        inquiry.action_submit()
        inquiry.with_user(self.pricing_user).action_accept()
        self.assertEqual(inquiry.pricing_user_id, self.pricing_user)
        self._quote_from_rates(inquiry)
        order = inquiry.order_id
        search, __ = self._quote_from_rates(inquiry)
        self.assertEqual(search.order_id, order, "the search shows the quotation")
        self.assertEqual(inquiry.order_id, order)
        self.assertEqual(
            self.env["sale.order"].search_count([("origin", "=", inquiry.name)]), 1
        )
        self.assertEqual(len(self._todo(order, self.salesman)), 1)

    def test_only_pricing_answers(self):
        inquiry = self._inquiry()
        inquiry.action_submit()
        with assert_refused(
            self, AccessError, r"Only the pricing team answers inquiries\."
        ):
            inquiry.with_user(self.salesman).action_accept()
        with assert_refused(
            self, AccessError, r"Only the pricing team answers inquiries\."
        ):
            inquiry.with_user(self.salesman).action_open_reject_wizard()
        with assert_refused(self, UserError, r"Accept the inquiry before quoting it\."):
            inquiry.with_user(self.pricing_user).action_open_rate_search()

    # ------------------------------------------------------------
    # Reject
    # ------------------------------------------------------------

    def test_reject_needs_a_reason_and_tells_the_salesperson(self):
        inquiry = self._inquiry(pricing_user_id=self.pricing_user.id)
        inquiry.action_submit()
        action = inquiry.with_user(self.pricing_user).action_open_reject_wizard()
        wizard_model = (
            self.env["freight.request.reason"]
            .with_user(self.pricing_user)
            .with_context(**action["context"])
        )
        with assert_refused(self, UserError, r"Say why the inquiry is rejected\."):
            wizard_model.create({"reason": "   "}).action_confirm()
        self.assertEqual(inquiry.state, "submitted")
        wizard_model.create({"reason": "No carrier serves the lane"}).action_confirm()
        self.assertEqual(inquiry.state, "rejected")
        self.assertEqual(inquiry.reject_reason, "No carrier serves the lane")
        self.assertTrue(inquiry.responded_at)
        self.assertFalse(inquiry.activity_ids)
        message = inquiry.message_ids[0]
        self.assertEqual(message.partner_ids, self.salesman.partner_id)
        self.assertIn("No carrier serves the lane", message.body)
        with assert_refused(
            self, UserError, r"Answered inquiries cannot be cancelled any more\."
        ):
            inquiry.action_cancel()
        inquiry.action_reset_to_draft()
        self.assertFalse(inquiry.submitted_at)
        self.assertFalse(inquiry.reject_reason)

    def test_reject_form_requires_the_reason(self):
        inquiry = self._inquiry()
        inquiry.action_submit()
        form = Form(
            self.env["freight.request.reason"]
            .with_user(self.pricing_user)
            .with_context(default_res_model=inquiry._name, default_res_id=inquiry.id)
        )
        with self.assertRaises(AssertionError):
            form.save()

    # ------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------

    def test_bad_input_is_refused(self):
        with freeze_time(MONDAY_9AM):
            with assert_refused(
                self,
                ValidationError,
                # in the user's date format and time zone (en_US, UTC), not raw
                "'needed by' 11/22/2026 12:00 is in the past",
            ):
                self._inquiry(needed_by=datetime(2026, 11, 22, 12, 0))
            with assert_refused(
                self, ValidationError, r"The target price cannot be negative\."
            ):
                self._inquiry(target_price=-10.0)
            with assert_refused(
                self, ValidationError, r"Origin and destination must differ\."
            ):
                self._inquiry(destination_location_id=self.pol.id)
            inquiry = self._inquiry(needed_by=MONDAY_11AM, target_price=2500.0)
        with (
            freeze_time(datetime(2026, 11, 23, 12, 0)),
            assert_refused(self, ValidationError, "'needed by' .* is in the past"),
        ):
            inquiry.action_submit()

    def test_only_drafts_are_deleted(self):
        inquiry = self._inquiry()
        inquiry.action_submit()
        with assert_refused(
            self, UserError, r"Only draft or cancelled inquiries can be deleted\."
        ):
            inquiry.unlink()
        inquiry.action_cancel()
        inquiry.unlink()

    # ------------------------------------------------------------
    # Access and links
    # ------------------------------------------------------------

    def test_salespeople_see_only_their_own_inquiries(self):
        mine = self._inquiry()
        theirs = self._inquiry(user=self.seller_2)
        Inquiry = self.env["freight.inquiry"]
        self.assertEqual(
            Inquiry.with_user(self.salesman).search(
                [("id", "in", (mine | theirs).ids)]
            ),
            mine,
        )
        self.assertEqual(
            Inquiry.with_user(self.seller_2).search(
                [("id", "in", (mine | theirs).ids)]
            ),
            theirs,
        )
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Service Inquiry"
        ):
            theirs.with_user(self.salesman).read(["name"])
        with assert_refused(
            self, AccessError, r"doesn't have 'write' access to:\s+- Service Inquiry"
        ):
            mine.with_user(self.seller_2).write({"commodity": "Shoes"})
        for user in (self.salesman_cost, self.pricing_user):
            self.assertEqual(
                Inquiry.with_user(user).search([("id", "in", (mine | theirs).ids)]),
                mine | theirs,
            )

    def test_other_company_inquiries_are_hidden(self):
        other = self.env["res.company"].create({"name": "Hanoi Branch"})
        self.pricing_user.company_ids = [Command.link(other.id)]
        inquiry = self._inquiry(user=self.env.user, company_id=other.id)
        domain = [("id", "=", inquiry.id)]
        Inquiry = self.env["freight.inquiry"]
        self.assertFalse(Inquiry.with_user(self.salesman_cost).search(domain))
        pricing = Inquiry.with_user(self.pricing_user)
        self.assertFalse(
            pricing.with_context(allowed_company_ids=[self.company.id]).search(domain)
        )
        self.assertEqual(
            pricing.with_context(allowed_company_ids=[other.id]).search(domain),
            inquiry,
        )

    def test_customer_counts_inquiries_of_its_contacts(self):
        self._inquiry()
        self._inquiry(partner_id=self.customer_contact.id)
        self._inquiry(user=self.seller_2)
        customer = self.customer.with_user(self.salesman)
        self.assertEqual(customer.freight_inquiry_count, 2)
        self.customer.invalidate_recordset(["freight_inquiry_count"])
        self.assertEqual(self.customer.freight_inquiry_count, 3)
        action = customer.action_view_freight_inquiries()
        self.assertEqual(
            self.env["freight.inquiry"]
            .with_user(self.salesman)
            .search_count(action["domain"]),
            2,
        )
