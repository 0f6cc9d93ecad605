from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestRevisionCompare(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._quotation()
        cls.revision = cls.order._create_revision("Lower freight, no THC")
        freight_line, thc_line = cls.revision.order_line
        freight_line.price_unit = 2250
        thc_line.unlink()
        cls.revision.write(
            {
                "order_line": [(0, 0, {"product_id": cls.doc_fee.id, "tax_id": []})],
                "payment_term_id": cls.env.ref(
                    "account.account_payment_term_30days"
                ).id,
            }
        )

    def _compare(self, old, new):
        action = new.action_open_revision_compare()
        return (
            self.env["sale.order.revision.compare"]
            .with_context(**action["context"])
            .create({"old_order_id": old.id, "new_order_id": new.id})
        )

    def test_line_by_line_differences(self):
        diff = self._compare(self.order, self.revision)._revision_diff()
        by_product = {entry["product"]: entry for entry in diff["lines"]}
        freight = by_product[self.freight.display_name]
        self.assertEqual(freight["status"], "changed")
        self.assertEqual(freight["changed"], {"price_unit", "subtotal"})
        self.assertEqual(freight["old"]["price_unit"], 2400)
        self.assertEqual(freight["new"]["price_unit"], 2250)
        self.assertEqual(by_product[self.thc.display_name]["status"], "removed")
        self.assertEqual(by_product[self.doc_fee.display_name]["status"], "added")
        labels = {change["label"] for change in diff["fields"]}
        self.assertIn("Payment Terms", labels)
        self.assertIn("Total", labels)

    def test_identical_revisions(self):
        second = self.revision._create_revision("Nothing changed")
        diff = self._compare(self.revision, second)._revision_diff()
        self.assertFalse(diff["fields"])
        self.assertEqual({entry["status"] for entry in diff["lines"]}, {"same"})

    def test_rendered_for_the_user(self):
        html = str(self._compare(self.order, self.revision).diff_html)
        self.assertIn(self.revision.name, html)
        self.assertIn("Removed", html)
        self.assertIn("Added", html)
        self.assertIn("<del", html)

    def test_defaults_to_the_previous_revision(self):
        action = self.revision.action_open_revision_compare()
        self.assertEqual(action["context"]["default_old_order_id"], self.order.id)

    def test_revisions_of_another_quotation_are_refused(self):
        other = self._quotation()
        with self.assertRaisesRegex(ValidationError, "not a revision of the same"):
            self._compare(other, self.revision)

    def test_charges_of_one_product_are_compared_by_name(self):
        """Four local charges sold under one service product: four named rows,
        each paired with its own charge in the other revision."""
        charges = ["THC - Terminal Handling", "DOC - Bill of Lading", "CIC", "Seal"]
        order = self._quotation(lines=[(self.thc, 1, 100)] * 4)
        for line, name in zip(order.order_line, charges, strict=True):
            line.name = name
        revision = order._create_revision("No B/L fee, dearer CIC")
        lines = {line.name: line for line in revision.order_line}
        lines["DOC - Bill of Lading"].unlink()
        lines["CIC"].price_unit = 120
        wizard = as_request(
            self.salesman, self.env["sale.order.revision.compare"]
        ).create({"old_order_id": order.id, "new_order_id": revision.id})
        status = {
            entry["label"]: entry["status"]
            for entry in wizard._revision_diff()["lines"]
        }
        self.assertEqual(
            status,
            {
                "THC - Terminal Handling": "same",
                "DOC - Bill of Lading": "removed",
                "CIC": "changed",
                "Seal": "same",
            },
        )
        html = str(wizard.diff_html)
        for name in charges:
            self.assertIn(name, html)
