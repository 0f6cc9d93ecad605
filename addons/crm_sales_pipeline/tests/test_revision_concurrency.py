from psycopg2.errors import LockNotAvailable

from odoo import SUPERUSER_ID, api, sql_db
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestRevisionConcurrency(BaseCase):
    """Two users revising one quotation at once, on two real database connections
    (the test transaction cannot see what another connection has not committed)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        self.cursors = []
        with self._cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            customer = env["res.partner"].create({"name": "Concurrent Revision Co"})
            order = env["sale.order"].create({"partner_id": customer.id})
            self.customer_id, self.order_id = customer.id, order.id
        self.addCleanup(self._delete_test_data)

    def _cursor(self):
        cursor = sql_db.db_connect(self.registry.db_name).cursor()
        self.cursors.append(cursor)
        return cursor

    def _revise(self, cr, reason):
        env = api.Environment(cr, SUPERUSER_ID, {})
        return (
            env["sale.order"]
            .browse(self.order_id)
            ._newest_revision()
            ._create_revision(reason)
        )

    def test_second_user_waits_then_numbers_after_the_first(self):
        with self._cursor() as first_cr, self._cursor() as second_cr:
            first = self._revise(first_cr, "First user")
            self.assertEqual(first.revision_number, 1)
            # the first user has not committed yet: the second one must wait
            second_cr.execute("SET lock_timeout = '500ms'")
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(LockNotAvailable),
            ):
                self._revise(second_cr, "Second user")
            second_cr.rollback()
            first_cr.commit()
            second = self._revise(second_cr, "Second user")
            self.assertEqual(second.revision_number, 2)
            self.assertEqual(second.previous_revision_id, first)

    def _delete_test_data(self):
        with self._cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            orders = env["sale.order"].search([("partner_id", "=", self.customer_id)])
            cr.execute("DELETE FROM sale_order WHERE id IN %s", [tuple(orders.ids)])
            env["res.partner"].browse(self.customer_id).unlink()
        for cursor in self.cursors:
            if not cursor.closed:
                cursor.close()
