from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestContractRevision(SalesPipelineCommon):
    def _contract(self, user=None, **values):
        return (
            self.env["crm.contract"]
            .with_user(user or self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_start": "2031-01-01",
                    "date_end": "2031-12-31",
                    "amount": 50000,
                    "terms": "<p>Ocean freight HCM - Busan, 40HC</p>",
                    **values,
                }
            )
        )

    def test_revision_freezes_the_contract_and_numbers_the_next(self):
        contract = self._contract()
        contract.action_mark_sent()
        first = contract._create_revision("Customer wants 60-day payment")
        second = first._create_revision("Value raised")
        self.assertEqual(first.name, f"{contract.name}-R1")
        self.assertEqual(second.name, f"{contract.name}-R2")
        self.assertEqual(first.terms, contract.terms)
        self.assertEqual(first.state, "draft")
        self.assertFalse(contract.active)
        self.assertEqual(contract.superseded_by_id, first)
        self.assertEqual(second.revision_ids, contract | first | second)
        self.assertEqual(second.revision_reason, "Value raised")
        self.assertIn("Customer wants 60-day payment", contract.message_ids[0].body)
        # search by code still finds the newest one
        self.assertEqual(
            self.env["crm.contract"].search([("name", "ilike", contract.name)]), second
        )

    def test_frozen_revision_cannot_be_changed_or_signed(self):
        contract = self._contract()
        contract._create_revision("Change")
        for values in ({"amount": 1}, {"terms": "<p>Other</p>"}, {"active": True}):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(UserError, "superseded"),
            ):
                contract.write(values)
        with self.assertRaisesRegex(UserError, "superseded"):
            contract.action_sign()
        with self.assertRaisesRegex(UserError, "old revision"):
            contract._create_revision("Again")

    def test_signed_contract_is_not_revised(self):
        contract = self._contract()
        contract.action_sign()
        with self.assertRaisesRegex(UserError, "not possible"):
            contract._create_revision("After signing")
        with self.assertRaisesRegex(UserError, "why"):
            self._contract()._create_revision("  ")

    def test_wizard_opens_the_new_revision(self):
        contract = self._contract()
        action = contract.action_open_revision_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({"reason": "Longer free time"})
        )
        self.assertEqual(wizard.res_name, contract.name)
        result = wizard.action_create_revision()
        self.assertEqual(result["res_model"], "crm.contract")
        self.assertEqual(result["res_id"], contract.superseded_by_id.id)

    def test_wizard_refuses_other_models_and_other_salespeople(self):
        contract = self._contract(user=self.other_salesman)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Sales Contract"
        ):
            contract.with_user(self.salesman)._create_revision("Not mine")
        wizard = self.env["crm.revision.wizard"].create(
            {"res_model": "res.partner", "res_id": self.customer.id, "reason": "x"}
        )
        with self.assertRaisesRegex(UserError, "cannot be revised"):
            wizard.action_create_revision()
        self.assertTrue(contract.active)

    def test_revision_numbers_are_unique(self):
        contract = self._contract()
        revision = contract._create_revision("Change")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            revision.copy({"revision_root_id": contract.id, "revision_number": 1})
