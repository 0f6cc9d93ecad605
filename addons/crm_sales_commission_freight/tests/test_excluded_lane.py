from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused
from odoo.addons.crm_sales_commission.tests.common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestExcludedLane(CommissionCommon):
    """Lan's plan (3 % of a month's profit up to 500 M VND, 5 % above) pays nothing on
    the Hai Phong - Shenzhen lane, a house account: Hai Phong's and Shenzhen's port
    groups cover their ports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hph = cls.env.ref("crm_freight_pricing.location_group_vn_hph")
        cls.szx = cls.env.ref("crm_freight_pricing.location_group_cn_szx")
        cls.vnhph = cls.env.ref("crm_freight_pricing.location_vnhph")
        cls.cnytn = cls.env.ref("crm_freight_pricing.location_cnytn")
        cls.vncli = cls.env.ref("crm_freight_pricing.location_vncli")
        cls.lan_plan.write(
            {
                "excluded_lane_ids": [
                    Command.create(
                        {
                            "origin_location_id": cls.hph.id,
                            "destination_location_id": cls.szx.id,
                        }
                    )
                ]
            }
        )
        cls.lane = cls.lan_plan.excluded_lane_ids
        cls.tuan_plan = cls.Plan.create(
            {
                "name": "Tuấn 2026",
                "plan_user_id": cls.tuan.id,
                "date_start": "2026-01-01",
                "commission_type": "fixed",
                "fix_qty": 2,
                "amount_base_type": "net_amount",
                "invoice_state": "open",
                "excluded_lane_ids": [
                    Command.create({"destination_location_id": cls.szx.id})
                ],
            }
        )

    @classmethod
    def _lane_invoice(cls, user, sell, cost, date, origin, destination):
        invoice = cls._invoice(user, sell, cost, date, post=False)
        invoice.invoice_line_ids.sale_line_ids.order_id.write(
            {
                "origin_location_id": origin.id,
                "destination_location_id": destination.id,
            }
        )
        invoice.action_post()
        return invoice

    def _may(self, user):
        return self._settle("2026-06-01").filtered(
            lambda s: (
                s.agent_id == user.partner_id
                and s.date_from == self._date("2026-05-01")
            )
        )

    def test_excluded_lane_earns_nothing_and_does_not_climb_the_tiers(self):
        # Hai Phong port -> Yantian (Shenzhen): 200 M of profit on the excluded lane
        excluded = self._lane_invoice(
            self.lan, 300 * MILLION, 100 * MILLION, "2026-05-03", self.vnhph, self.cnytn
        )
        # Cat Lai -> Yantian: 600 M of profit, not excluded
        paid = self._lane_invoice(
            self.lan, 700 * MILLION, 100 * MILLION, "2026-05-07", self.vncli, self.cnytn
        )
        may = self._may(self.lan)
        lines = {line.invoice_id: line for line in may.line_ids}
        self.assertEqual(lines[excluded].note, "lane")
        self.assertEqual(lines[excluded].settled_amount, 0.0)
        self.assertEqual(lines[excluded].base_amount, 200 * MILLION)
        self.assertFalse(lines[paid].note)
        # 600 M alone: 3 % of 500 M + 5 % of 100 M = 15 M + 5 M; had the excluded
        # 200 M counted first, 3 % of 300 M + 5 % of 300 M = 24 M
        self.assertEqual(lines[paid].settled_amount, 20 * MILLION)
        self.assertEqual(may.total, 20 * MILLION)

    def test_one_sided_lane_means_from_anywhere(self):
        # Tuấn's plan excludes anything to Shenzhen, from Cat Lai as from Hai Phong
        excluded = self._lane_invoice(
            self.tuan, 100 * MILLION, 50 * MILLION, "2026-05-04", self.vncli, self.cnytn
        )
        other = self._lane_invoice(
            self.tuan, 100 * MILLION, 50 * MILLION, "2026-05-05", self.cnytn, self.vncli
        )
        lines = {line.invoice_id: line for line in self._may(self.tuan).line_ids}
        self.assertEqual(lines[excluded].note, "lane")
        self.assertEqual(lines[excluded].settled_amount, 0.0)
        # 2 % of 50 M
        self.assertEqual(lines[other].settled_amount, 1 * MILLION)

    def test_manager_adds_a_lane_and_open_lines_follow(self):
        invoice = self._lane_invoice(
            self.lan, 100 * MILLION, 0, "2026-05-04", self.vncli, self.hph
        )
        agent = invoice.invoice_line_ids.agent_ids
        self.assertFalse(agent.exclusion)
        self.lan_plan.with_user(self.manager).write(
            {
                "excluded_lane_ids": [
                    Command.create({"origin_location_id": self.vncli.id})
                ]
            }
        )
        self.assertEqual(agent.exclusion, "lane")
        self.assertEqual(agent.amount, 0.0)

    def test_lane_without_origin_nor_destination_is_refused(self):
        with assert_refused(self, ValidationError, "needs an origin, a destination"):
            self.lan_plan.with_user(self.manager).write(
                {"excluded_lane_ids": [Command.create({})]}
            )
        with assert_refused(self, ValidationError, "must differ"):
            self.lane.with_user(self.manager).origin_location_id = self.szx
        self.assertEqual(self.lan_plan.excluded_lane_ids, self.lane)
        self.assertEqual(self.lane.origin_location_id, self.hph)

    def test_salesperson_reads_own_plan_lanes_only_and_cannot_write(self):
        lanes = self.env["commission.excluded.lane"].with_user(self.lan)
        self.assertEqual(lanes.search([]), self.lane)
        self.assertEqual(
            self.lan_plan.with_user(self.lan).excluded_lane_ids.destination_location_id,
            self.szx,
        )
        with assert_refused(self, AccessError, "not allowed to modify"):
            self.lane.with_user(self.lan).destination_location_id = self.cnytn
        with assert_refused(self, AccessError, "not allowed to create"):
            lanes.create(
                {"commission_id": self.lan_plan.id, "origin_location_id": self.vncli.id}
            )
        with assert_refused(self, AccessError, "not allowed to delete"):
            self.lane.with_user(self.lan).unlink()
        with assert_refused(self, AccessError, "doesn't have 'read' access"):
            self.tuan_plan.excluded_lane_ids.with_user(self.lan).read(["commission_id"])
        self.assertEqual(self.lane.destination_location_id, self.szx)
