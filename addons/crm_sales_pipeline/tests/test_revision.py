from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tests.common import assert_refused

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestRevision(SalesPipelineCommon):
    def test_new_revision_freezes_the_quotation_and_numbers_the_copy(self):
        order = self._quotation()
        order.action_quotation_sent()
        revision = order.with_user(self.salesman)._create_revision("Lower freight")
        self.assertEqual(revision.name, f"{order.name}-R1")
        self.assertEqual(revision.revision_number, 1)
        self.assertEqual(revision.revision_root_id, order)
        self.assertEqual(revision.previous_revision_id, order)
        self.assertEqual(revision.revision_reason, "Lower freight")
        self.assertEqual(revision.create_uid, self.salesman)
        self.assertEqual(revision.state, "draft", "not sent yet")
        self.assertEqual(
            revision.order_line.mapped("product_id"), order.order_line.product_id
        )
        self.assertEqual(order.superseded_by_id, revision)
        self.assertFalse(order.active, "out of the open pipeline")
        self.assertEqual(order.state, "sent", "kept as it was")

    def test_revisions_are_numbered_from_the_original(self):
        order = self._quotation()
        first = order._create_revision("First change")
        second = first._create_revision("Second change")
        self.assertEqual(second.name, f"{order.name}-R2")
        self.assertEqual(second.revision_root_id, order)
        for member in (order, first, second):
            self.assertEqual(member.revision_ids, order | first | second)
            self.assertEqual(member.revision_ids[-1:], second)
        action = second.action_open_revisions()
        listed = (
            self.env["sale.order"]
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(listed, order | first | second)

    def test_frozen_revision_cannot_be_changed(self):
        order = self._quotation()
        order._create_revision("Change")
        order = order.with_user(self.sales_manager)
        with self.assertRaisesRegex(UserError, "superseded"):
            order.note = "Sneaky change"
        with self.assertRaisesRegex(UserError, "superseded"):
            order.active = True
        with self.assertRaisesRegex(UserError, "superseded"):
            order.order_line[0].price_unit = 1
        with self.assertRaisesRegex(UserError, "superseded"):
            order.write({"order_line": [(0, 0, {"product_id": self.doc_fee.id})]})
        with self.assertRaisesRegex(UserError, "superseded"):
            order.order_line[0].unlink()
        self.assertEqual(order.order_line[0].price_unit, 2400)

    def test_only_the_newest_revision_is_revised_or_confirmed(self):
        order = self._quotation()
        revision = order._create_revision("Change")
        with self.assertRaisesRegex(UserError, "old revision"):
            order._create_revision("Again")
        with self.assertRaisesRegex(UserError, "only its newest revision"):
            order.action_confirm()
        self.assertFalse(order._has_to_be_signed(), "no signature on an old revision")
        revision.action_confirm()
        self.assertEqual(revision.state, "sale")
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            revision._create_revision("After the sale")

    def test_a_reason_is_required(self):
        order = self._quotation()
        with self.assertRaisesRegex(UserError, "why"):
            order._create_revision("   ")
        self.assertTrue(order.active)
        self.assertFalse(order.superseded_by_id)

    def test_revision_numbers_are_unique_per_quotation(self):
        order = self._quotation()
        revision = order._create_revision("Change")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            revision.copy({"revision_root_id": order.id, "revision_number": 1})

    def test_wizard_opens_the_new_revision(self):
        order = self._quotation()
        action = order.with_user(self.salesman).action_open_revision_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({"reason": "Customer asked for 12 containers"})
        )
        result = wizard.action_create_revision()
        self.assertEqual(result["res_id"], order.superseded_by_id.id)

    def test_own_documents_salesman_cannot_revise_another_ones_quotation(self):
        order = self._quotation(user=self.other_salesman)
        with assert_refused(
            self, AccessError, r"doesn't have 'read' access to:\s+- Sales Order"
        ):
            order.with_user(self.salesman)._create_revision("Not mine")
        self.assertTrue(order.active)

    def test_sales_analysis_counts_only_the_current_revision(self):
        order = self._quotation()
        revision = order._create_revision("Change")
        self.env.flush_all()
        lines = self.env["sale.report"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(set(lines.mapped("name")), {revision.name})
