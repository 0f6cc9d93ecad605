from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import SalesPipelineCommon


@tagged("post_install", "-at_install")
class TestQuotationReport(SalesPipelineCommon):
    def test_printed_quotation_calls_the_salesperson_as_the_suite_does(self):
        """A Vietnamese customer's quotation says "Nhân viên kinh doanh", the
        suite's word, not Odoo's "Chuyên viên sales"."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["sale", "crm_sales_pipeline"], ["vi_VN"]
        )
        self.customer.lang = "vi_VN"
        order = self._quotation()
        Report = as_request(self.salesman, self.env["ir.actions.report"])
        html = Report._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        html = html.decode()
        self.assertIn("<strong>Nhân viên kinh doanh</strong>", html)
        self.assertNotIn("Chuyên viên sales", html)
        self.assertIn(self.salesman.name, html)
