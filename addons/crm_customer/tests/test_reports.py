from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, assert_refused


@tagged("post_install", "-at_install")
class TestClassificationReport(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.in_district1 = Partner.create(
            {
                "name": "D1 Shipping",
                "customer_type": "customer",
                "classification_ids": [
                    (6, 0, (cls.district1 | cls.logistics | cls.textile).ids)
                ],
            }
        )
        cls.in_hcmc = Partner.create(
            {
                "name": "Saigon Prospect",
                "customer_type": "prospect",
                "classification_ids": [(6, 0, cls.hcmc.ids)],
            }
        )
        cls.in_north = Partner.create(
            {"name": "Hanoi Lead", "classification_ids": [(6, 0, cls.north.ids)]}
        )
        cls.archived = Partner.create(
            {
                "name": "Closed Co",
                "active": False,
                "classification_ids": [(6, 0, cls.south.ids)],
            }
        )
        cls.Report = cls.env["crm.customer.classification.report"]

    def _count_by(self, groupby, criterion):
        return {
            group: count
            for group, count in self.Report._read_group(
                [("criterion_id", "=", criterion.id)], [groupby], ["__count"]
            )
        }

    def test_group_by_a_criterion_rolls_customers_up_to_its_top_levels(self):
        self.assertEqual(
            self._count_by("level1_id", self.region), {self.south: 2, self.north: 1}
        )
        self.assertEqual(
            self._count_by("level2_id", self.region),
            {self.hcmc: 2, self.Value: 1},
        )
        self.assertEqual(
            self._count_by("classification_id", self.region),
            {self.district1: 1, self.hcmc: 1, self.north: 1},
        )

    def test_multi_valued_criterion_counts_each_value(self):
        self.assertEqual(
            self._count_by("classification_id", self.industry),
            {self.logistics: 1, self.textile: 1},
        )

    def test_archived_customers_are_left_out(self):
        self.assertFalse(self.Report.search([("partner_id", "=", self.archived.id)]))

    def test_criterion_button_opens_the_report_on_its_values(self):
        action = self.region.action_open_customer_report()
        rows = self.Report.search(action["domain"])
        self.assertEqual(
            rows.partner_id, self.in_district1 | self.in_hcmc | self.in_north
        )
        self.assertEqual(action["context"]["pivot_row_groupby"][0], "level1_id")

    def test_salesman_reads_it_user_without_sales_rights_does_not(self):
        self.assertTrue(self.Report.with_user(self.salesman).search_count([]))
        employee = mail_new_test_user(
            self.env, login="crm_report_employee", groups="base.group_user"
        )
        with assert_refused(
            self, AccessError, "not allowed to access 'Customers by Classification'"
        ):
            self.Report.with_user(employee).search([])


@tagged("post_install", "-at_install")
class TestProspectList(CrmCustomerCommon):
    def test_prints_prospects_grouped_by_salesperson(self):
        Partner = self.env["res.partner"]
        mine = Partner.create(
            {
                "name": "Prospect Of Salesman",
                "customer_type": "prospect",
                "user_id": self.salesman.id,
                "classification_ids": [(6, 0, self.hcmc.ids)],
            }
        )
        theirs = Partner.create(
            {
                "name": "Lead Of Other",
                "customer_type": "lead",
                "user_id": self.other_salesman.id,
            }
        )
        nobody = Partner.create({"name": "Unassigned Lead", "customer_type": "lead"})
        mine.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline="2026-12-01",
            summary="Call about Q1 rates",
            user_id=self.salesman.id,
        )
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "crm_customer.report_prospect_list", (mine | theirs | nobody).ids
        )
        html = html.decode()
        sections = sorted(
            [
                (self.salesman.name, "Prospect Of Salesman"),
                (self.other_salesman.name, "Lead Of Other"),
            ]
        )
        expected_order = ["No salesperson", "Unassigned Lead"]
        for section in sections:
            expected_order += section
        positions = [html.index(text) for text in expected_order]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Test Region", html)
        self.assertIn("Miền Nam / TP.HCM", html)
        self.assertIn("Call about Q1 rates", html)

    def test_menu_lists_leads_and_prospects_only(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_customer.res_partner_action_prospect_list"
        )
        customer = self.env["res.partner"].create(
            {"name": "Signed Customer", "customer_type": "customer"}
        )
        prospect = self.env["res.partner"].create(
            {"name": "Warm Prospect", "customer_type": "prospect"}
        )
        found = self.env["res.partner"].search(safe_eval(action["domain"]))
        self.assertIn(prospect, found)
        self.assertNotIn(customer, found)
