from odoo.tests import tagged

from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestFreeFields(CrmCustomerCommon):
    def test_admin_defines_free_fields_that_customers_fill_and_search(self):
        self.env.company.crm_customer_properties_definition = [
            {"name": "main_port", "string": "Main port", "type": "char"},
            {
                "name": "incoterm",
                "string": "Usual Incoterm",
                "type": "selection",
                "selection": [["fob", "FOB"], ["cif", "CIF"]],
            },
        ]
        cat_lai, hai_phong = self.env["res.partner"].create(
            [
                {"name": "Exporter South", "customer_type": "customer"},
                {"name": "Exporter North", "customer_type": "customer"},
            ]
        )
        cat_lai.customer_properties = {"main_port": "Cát Lái", "incoterm": "fob"}
        hai_phong.customer_properties = {"main_port": "Hải Phòng", "incoterm": "cif"}

        self.assertEqual(cat_lai.customer_properties["main_port"], "Cát Lái")
        found = self.env["res.partner"].search(
            [("customer_properties.incoterm", "=", "fob")]
        )
        self.assertIn(cat_lai, found)
        self.assertNotIn(hai_phong, found)

    def test_free_fields_follow_the_customer_company(self):
        other_company = self.env["res.company"].create({"name": "Branch Hà Nội"})
        customer = self.env["res.partner"].create(
            {"name": "Branch customer", "company_id": other_company.id}
        )
        self.assertEqual(customer.properties_company_id, other_company)
        shared = self.env["res.partner"].create({"name": "Shared customer"})
        self.assertEqual(shared.properties_company_id, self.env.company)
