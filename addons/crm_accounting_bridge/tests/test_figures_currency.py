from odoo.tests import Form, tagged

from odoo.addons.crm_customer.tests.common import as_request

from .common import CrmAccountingCommon


@tagged("post_install", "-at_install")
class TestFiguresCurrency(CrmAccountingCommon):
    """The debt panel and the customer list load the currency of their amounts, so
    the web client prints it next to each figure."""

    def test_salesperson_sees_the_currency_of_the_debt_panel(self):
        self._invoice(self.customer, 800.0, self.today, self._days_ago(-10))
        form = Form(as_request(self.salesman, self.customer))
        self.assertEqual(form.receivable_amount, 800.0)
        self.assertEqual(form.figures_currency_id, self.company.currency_id)

    def test_customer_list_loads_the_currency_of_its_figures(self):
        view = self.env.ref("crm_customer.res_partner_view_list_customer")
        arch = as_request(self.salesman, self.env["res.partner"]).get_views(
            [(view.id, "list")]
        )["views"]["list"]["arch"]
        self.assertIn('name="receivable_amount"', arch)
        self.assertIn('name="figures_currency_id"', arch)
