from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestDiscountReport(SalesPipelineCommon):
    def test_discounts_granted_per_salesperson(self):
        mine = self._quotation(lines=[(self.freight, 10, 2400)])
        mine.order_line.discount = 10
        theirs = self._quotation(
            user=self.other_salesman, lines=[(self.freight, 1, 2400)]
        )
        no_discount = self._quotation(lines=[(self.thc, 1, 180)])
        (mine | no_discount).action_confirm()
        theirs.action_confirm()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_sales_pipeline.sale_report_action_discount"
        )
        self.env.flush_all()
        totals = dict(
            self.env["sale.report"]._read_group(
                [
                    *safe_eval(action["domain"]),
                    ("name", "in", (mine | theirs | no_discount).mapped("name")),
                ],
                ["user_id"],
                ["discount_amount:sum"],
            )
        )
        self.assertEqual(totals, {self.salesman: 2400.0})
