from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestSuccessReport(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Value = cls.env["crm.customer.classification"]
        region = cls.env["crm.customer.criterion"].create({"name": "Success Region"})
        cls.south = Value.create({"name": "Success South", "criterion_id": region.id})
        cls.north = Value.create({"name": "Success North", "criterion_id": region.id})
        cls.customer.classification_ids = cls.south
        cls.northern = cls.env["res.partner"].create(
            {"name": "Northern Buyer", "classification_ids": [(6, 0, cls.north.ids)]}
        )
        cls.lost_reason = cls.env["crm.lost.reason"].create({"name": "Too expensive"})
        Lead = cls.env["crm.lead"]

        def opportunity(name, partner, user, service_kind):
            return Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "service_kind": service_kind,
                }
            )

        cls.won_fcl = opportunity("Won FCL", cls.customer, cls.salesman, "sea_fcl")
        cls.won_air = opportunity("Won air", cls.customer, cls.salesman, "air")
        cls.lost_fcl = opportunity("Lost FCL", cls.northern, cls.salesman, "sea_fcl")
        cls.other_won = opportunity(
            "Other won", cls.northern, cls.other_salesman, "sea_fcl"
        )
        cls.open_one = opportunity("Still open", cls.customer, cls.salesman, "air")
        (cls.won_fcl | cls.won_air | cls.other_won).action_set_won()
        cls.lost_fcl.action_set_lost(lost_reason_id=cls.lost_reason.id)
        # won ten days after it was created
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = date_closed - interval '10 days' "
            "WHERE id = %s",
            [cls.won_fcl.id],
        )
        cls.Report = cls.env["crm.sales.success.report"]

    def _rates(self, groupby, domain=None):
        return {
            group: (rate, won, lost)
            for group, rate, won, lost in self.Report._read_group(
                domain or [],
                [groupby],
                ["success_rate:avg", "won_count:sum", "lost_count:sum"],
            )
        }

    def test_success_rate_by_salesperson_counts_decided_opportunities_only(self):
        rates = self._rates(
            "user_id",
            [
                (
                    "lead_id.name",
                    "in",
                    ("Won FCL", "Won air", "Lost FCL", "Other won", "Still open"),
                )
            ],
        )
        rate, won, lost = rates[self.salesman]
        self.assertAlmostEqual(rate, 200 / 3)
        self.assertEqual((won, lost), (2, 1))
        self.assertEqual(rates[self.other_salesman][1:], (1, 0))
        self.assertFalse(self.Report.search([("lead_id", "=", self.open_one.id)]))

    def test_by_service_kind_and_customer_classification(self):
        mine = [("user_id", "=", self.salesman.id)]
        by_kind = self._rates("service_kind", mine)
        self.assertAlmostEqual(by_kind["sea_fcl"][0], 50.0)
        self.assertAlmostEqual(by_kind["air"][0], 100.0)
        by_class = self._rates("classification_ids", mine)
        self.assertAlmostEqual(by_class[self.south][0], 100.0)
        self.assertAlmostEqual(by_class[self.north][0], 0.0)

    def test_days_to_win_and_lost_reason(self):
        row = self.Report.search([("lead_id", "=", self.won_fcl.id)])
        self.assertAlmostEqual(row.days_to_win, 10.0)
        lost = self.Report.search([("lead_id", "=", self.lost_fcl.id)])
        self.assertEqual(lost.lost_reason_id, self.lost_reason)
        self.assertFalse(lost.days_to_win)
        self.assertLessEqual(lost.date_decided, fields.Datetime.now() + timedelta(1))

    def test_own_documents_salesman_sees_own_figures(self):
        rows = self.Report.with_user(self.salesman).search([])
        self.assertNotIn(self.other_won, rows.lead_id)
        self.assertIn(self.won_fcl, rows.lead_id)
