from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-20 10:00:00")
class TestContract(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.env["crm.service.contract"].create(
            {
                "name": "Maintenance 2026",
                "partner_id": cls.customer.id,
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
                "category_ids": [cls.cat_repair.id],
                "unit": "interventions",
                "quantity": 2,
            }
        )

    def test_case_of_a_covered_category_is_covered(self):
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(ticket.contract_id, self.contract)
        self.assertEqual(ticket.contract_coverage, "covered")
        self.assertEqual(self.contract.consumed, 1)
        self.assertEqual(self.contract.remaining, 1)

    def test_sub_category_is_covered_by_its_parent(self):
        sub = self.env["helpdesk.ticket.category"].create(
            {"name": "Reefer", "parent_id": self.cat_repair.id}
        )
        ticket = self._create_ticket(category_id=sub.id)
        self.assertEqual(ticket.contract_coverage, "covered")

    def test_other_category_product_or_customer_is_not_covered(self):
        ticket = self._create_ticket(category_id=self.cat_question.id)
        self.assertEqual(ticket.contract_coverage, "not_covered")
        self.assertFalse(ticket.contract_id)
        self.contract.product_ids = self.product
        ticket = self._create_ticket(
            category_id=self.cat_repair.id, product_id=self.other_product.id
        )
        self.assertEqual(ticket.contract_coverage, "not_covered")
        ticket.product_id = self.product
        self.assertEqual(ticket.contract_coverage, "covered")
        ticket = self._create_ticket(
            category_id=self.cat_repair.id, partner_id=self.other_contact.id
        )
        self.assertEqual(ticket.contract_coverage, "not_covered")

    def test_expired_contract_covers_nothing(self):
        self.contract.date_end = date(2026, 10, 31)
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(ticket.contract_coverage, "not_covered")

    def test_used_up_contract(self):
        first = self._create_ticket(category_id=self.cat_repair.id)
        second = self._create_ticket(category_id=self.cat_repair.id)
        third = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual((first | second).mapped("contract_coverage"), ["covered"] * 2)
        self.assertEqual(third.contract_coverage, "exhausted")
        self.assertEqual(self.contract.consumed, 3)
        # a covered case stays covered when it is edited
        first.product_id = self.product
        self.assertEqual(first.contract_coverage, "covered")

    def test_coverage_counts_the_cases_opened_before(self):
        first = self._create_ticket(category_id=self.cat_repair.id)
        second = self._create_ticket(category_id=self.cat_repair.id)
        third = self._create_ticket(category_id=self.cat_repair.id)
        # the first case leaves the contract: the third one is still the third
        # opened, and keeps its coverage until its own scope changes
        first.category_id = self.cat_question
        self.assertFalse(first.contract_id)
        self.assertEqual(third.contract_coverage, "exhausted")
        third.product_id = self.product
        self.assertEqual(third.contract_coverage, "covered")
        self.assertEqual(second.contract_coverage, "covered")

    def test_a_contract_chosen_by_hand_stays(self):
        other = self.env["crm.service.contract"].create(
            {
                "name": "Other",
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
            }
        )
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        ticket.with_user(self.agent_1).contract_id = other
        ticket.with_user(self.agent_1).priority = "2"
        self.assertEqual(ticket.contract_id, other)
        self.assertEqual(ticket.contract_coverage, "covered")

    def test_hours_contract_consumes_hours_spent(self):
        self.contract.write({"unit": "hours", "quantity": 4})
        ticket = self._create_ticket(category_id=self.cat_repair.id, service_hours=3)
        self.assertEqual(self.contract.consumed, 3)
        self.assertEqual(self.contract.remaining, 1)
        ticket.service_hours = 5
        self.assertEqual(self.contract.remaining, -1)
        other = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(other.contract_coverage, "exhausted")

    def test_block_policy_refuses_uncovered_cases(self):
        self.team.contract_policy = "block"
        with self.assertRaisesRegex(ValidationError, "only accepts covered cases"):
            self._create_ticket(team_id=self.team.id, category_id=self.cat_question.id)
        ticket = self._create_ticket(category_id=self.cat_repair.id)
        self.assertEqual(ticket.team_id, self.team)
        self.team.contract_policy = "warn"
        ticket = self._create_ticket(
            team_id=self.team.id, category_id=self.cat_question.id
        )
        self.assertEqual(ticket.contract_coverage, "not_covered")

    def test_bad_contract_input_is_refused(self):
        Contract = self.env["crm.service.contract"]
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            Contract.create(
                {
                    "name": "Bad",
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 5, 1),
                    "date_end": date(2026, 4, 30),
                }
            )
        with self.assertRaisesRegex(ValidationError, "negative"):
            Contract.create(
                {"name": "Bad", "partner_id": self.customer.id, "quantity": -3}
            )

    def test_only_managers_edit_contracts(self):
        with assert_refused(
            self, AccessError, "not allowed to modify 'Service Contract'"
        ):
            self.contract.with_user(self.agent_1).write({"quantity": 99})
        self.assertEqual(self.contract.with_user(self.agent_1).quantity, 2)
        self.contract.with_user(self.manager).write({"quantity": 5})
        self.assertEqual(self.contract.quantity, 5)
