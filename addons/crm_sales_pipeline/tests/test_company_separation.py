from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SalesPipelineCommon

SALESMAN_ALL = "base.group_user,sales_team.group_sale_salesman_all_leads"


@tagged("post_install", "-at_install")
class TestCompanySeparation(SalesPipelineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Chi nhánh Hải Phòng"})
        cls.seller_a = mail_new_test_user(
            cls.env, login="pipeline_separation_a", groups=SALESMAN_ALL
        )
        cls.seller_b = mail_new_test_user(
            cls.env,
            login="pipeline_separation_b",
            groups=SALESMAN_ALL,
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        cls.lead_b = cls.env["crm.lead"].create(
            {
                "name": "Hải Phòng opportunity",
                "type": "opportunity",
                "user_id": cls.seller_b.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.shared_customer = cls.env["res.partner"].create(
            {"name": "Shared Trading", "company_id": False}
        )
        activities = ((cls.lead_b, cls.seller_b), (cls.shared_customer, cls.seller_a))
        for record, user in activities:
            record.activity_schedule(
                "mail.mail_activity_data_call",
                summary=f"Call about {record.display_name}",
                user_id=user.id,
            )

    def _report(self, user):
        report = as_request(user, self.env["crm.sales.activity.report"])
        return report.search(
            [("res_id", "in", [self.lead_b.id, self.shared_customer.id])]
        )

    def test_activity_report_keeps_to_the_documents_company(self):
        rows_b = self._report(self.seller_b)
        self.assertEqual(rows_b.mapped("summary"), ["Call about Hải Phòng opportunity"])
        self.assertEqual(rows_b.company_id, self.company_b)
        # a shared customer's activity belongs to its salesperson's company
        rows_a = self._report(self.seller_a)
        self.assertEqual(rows_a.mapped("summary"), ["Call about Shared Trading"])
        self.assertEqual(rows_a.company_id, self.env.company)

    def test_revision_wizard_is_its_creators_alone(self):
        order = self._quotation()
        wizard = as_request(self.salesman, self.env["crm.revision.wizard"]).create(
            {"res_model": "sale.order", "res_id": order.id, "reason": "Lower rate"}
        )
        with self.assertRaisesRegex(
            AccessError, r"doesn't have 'read' access to:\s+- New Revision"
        ):
            as_request(self.other_salesman, wizard).read(["res_id"])
