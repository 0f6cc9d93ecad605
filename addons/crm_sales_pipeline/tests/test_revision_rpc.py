from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException


@tagged("post_install", "-at_install")
class TestRevisionRpc(HttpCase):
    def test_frozen_revision_refuses_an_rpc_write(self):
        new_test_user(
            self.env,
            login="pipeline_rpc_manager",
            password="pipeline_rpc_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        customer = self.env["res.partner"].create({"name": "RPC Customer"})
        order = self.env["sale.order"].create({"partner_id": customer.id})
        order._create_revision("Change")
        self.authenticate("pipeline_rpc_manager", "pipeline_rpc_manager")
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/sale.order/write",
                {
                    "model": "sale.order",
                    "method": "write",
                    "args": [[order.id], {"note": "changed over RPC"}],
                    "kwargs": {},
                },
            )
        self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        self.assertFalse(order.note)
