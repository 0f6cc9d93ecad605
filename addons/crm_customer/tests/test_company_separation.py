from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, as_request

SALESMAN_ALL = "base.group_user,sales_team.group_sale_salesman_all_leads"


@tagged("post_install", "-at_install")
class TestCompanySeparation(CrmCustomerCommon):
    """Companies are separate, and a user's wizards are theirs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Chi nhánh Hà Nội"})
        cls.seller_a = mail_new_test_user(
            cls.env, login="separation_seller_a", groups=SALESMAN_ALL
        )
        cls.seller_b = mail_new_test_user(
            cls.env,
            login="separation_seller_b",
            groups=SALESMAN_ALL,
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        # a customer shared by both companies, as Odoo's partners are by default
        cls.shared_customer = cls.env["res.partner"].create(
            {"name": "Công ty Dệt May Shared", "customer_type": "customer"}
        )
        cls.interaction = cls.env["crm.customer.interaction"].create(
            {
                "partner_id": cls.shared_customer.id,
                "name": "Visit by company A",
                "type_id": cls.env.ref("crm_customer.interaction_type_meeting").id,
                "date_start": datetime(2026, 10, 5, 9, 0),
                "user_id": cls.seller_a.id,
                "company_id": False,
            }
        )

    def _timeline_names(self, user):
        timeline = as_request(user, self.env["crm.customer.timeline"])
        return timeline.search([("partner_id", "=", self.shared_customer.id)]).mapped(
            "name"
        )

    def test_company_less_timeline_row_belongs_to_its_salespersons_company(self):
        self.assertEqual(self._timeline_names(self.seller_a), ["Visit by company A"])
        self.assertEqual(self._timeline_names(self.seller_b), [])

    def test_a_wizard_is_its_creators_alone(self):
        export = self.env.ref("crm_customer.group_customer_export")
        (self.salesman | self.other_salesman).groups_id += export
        wizard = as_request(
            self.salesman, self.env["crm.customer.export.wizard"]
        ).create({})
        other = as_request(self.other_salesman, wizard)
        with self.assertRaisesRegex(
            AccessError, r"doesn't have 'read' access to:\s+- Export Customers to Excel"
        ):
            other.read(["domain"])
        with self.assertRaisesRegex(
            AccessError,
            r"doesn't have 'write' access to:\s+- Export Customers to Excel",
        ):
            other.write({"domain": "[]"})
        self.assertFalse(
            as_request(
                self.other_salesman, self.env["crm.customer.export.wizard"]
            ).search([("id", "=", wizard.id)])
        )
        self.assertEqual(
            as_request(self.salesman, wizard).read(["customer_count"])[0]["id"],
            wizard.id,
        )
