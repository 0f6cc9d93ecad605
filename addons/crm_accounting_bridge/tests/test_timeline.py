from odoo.tests import tagged

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestTimeline(CrmAccountingCommon):
    def test_posted_invoices_in_the_customer_timeline(self):
        invoice = self._invoice(self.customer_contact, 100.0, self._days_ago(3))
        refund = self._invoice(
            self.customer, 20.0, self._days_ago(1), move_type="out_refund"
        )
        draft = invoice.copy()
        action = self.customer.action_open_timeline()
        entries = (
            self.env["crm.customer.timeline"]
            .with_user(self.salesman)
            .search(action["domain"])
        )
        self.assertEqual(entries.mapped("res_id"), [refund.id, invoice.id])
        self.assertEqual(entries[1].name, invoice.name)
        self.assertEqual(entries[1].date.date(), self._days_ago(3))
        self.assertNotIn(draft.id, entries.mapped("res_id"))
