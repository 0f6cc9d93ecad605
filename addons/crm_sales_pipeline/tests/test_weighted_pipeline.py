from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestWeightedPipeline(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["crm.stage"]
        cls.offer = Stage.create({"name": "Weighted Offer", "sequence": 901})
        cls.nego = Stage.create({"name": "Weighted Negotiation", "sequence": 902})
        cls.won = Stage.create(
            {"name": "Weighted Won", "sequence": 903, "is_won": True}
        )
        Lead = cls.env["crm.lead"]

        def opportunity(name, stage, probability, revenue, profit, user):
            return Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "stage_id": stage.id,
                    "probability": probability,
                    "expected_revenue": revenue,
                    "expected_profit": profit,
                    "user_id": user.id,
                }
            )

        cls.first = opportunity("WP one", cls.offer, 20, 10000, 2000, cls.salesman)
        cls.second = opportunity("WP two", cls.offer, 50, 4000, 1000, cls.salesman)
        cls.third = opportunity(
            "WP three", cls.nego, 75, 8000, 1200, cls.other_salesman
        )
        cls.closed = opportunity("WP won", cls.won, 100, 9000, 900, cls.salesman)
        cls.stages = cls.offer | cls.nego | cls.won
        action = cls.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.crm_lead_action_weighted_pipeline"
        )
        cls.domain = safe_eval(action["domain"]) + [("stage_id", "in", cls.stages.ids)]

    def _by_stage(self, user=None):
        Lead = self.env["crm.lead"].with_user(user) if user else self.env["crm.lead"]
        return {
            stage: values
            for stage, *values in Lead._read_group(
                self.domain,
                ["stage_id"],
                [
                    "expected_revenue:sum",
                    "prorated_revenue:sum",
                    "expected_profit:sum",
                    "prorated_profit:sum",
                ],
            )
        }

    def test_weighted_profit_follows_profit_and_probability(self):
        self.assertEqual(self.first.prorated_profit, 400.0)
        self.first.probability = 35
        self.assertEqual(self.first.prorated_profit, 700.0)
        self.first.expected_profit = 3000
        self.assertEqual(self.first.prorated_profit, 1050.0)

    def test_open_pipeline_by_stage_weighted_by_probability(self):
        by_stage = self._by_stage()
        self.assertEqual(set(by_stage), {self.offer, self.nego}, "won stays out")
        # 10000 x 20% + 4000 x 50%; 2000 x 20% + 1000 x 50%
        self.assertEqual(by_stage[self.offer], [14000, 4000, 3000, 900])
        self.assertEqual(by_stage[self.nego], [8000, 6000, 1200, 900])
        self.second.action_set_lost()
        self.assertEqual(self._by_stage()[self.offer], [10000, 2000, 2000, 400])

    def test_own_documents_salesman_sees_own_pipeline(self):
        by_stage = self._by_stage(self.salesman)
        self.assertEqual(set(by_stage), {self.offer})
        self.assertEqual(
            set(self._by_stage(self.sales_manager)), {self.offer, self.nego}
        )
