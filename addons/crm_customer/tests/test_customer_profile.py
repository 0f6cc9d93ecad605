from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.crm_customer.tools import short_code_from_name

from .common import CrmCustomerCommon, assert_refused, run_migration


@tagged("post_install", "-at_install")
class TestCustomerProfile(CrmCustomerCommon):
    def test_short_code_from_vietnamese_and_chinese_names(self):
        self.assertEqual(short_code_from_name("Vận tải Biển Đông"), "VTBD")
        self.assertEqual(short_code_from_name("上海物流"), "SHWL")
        self.assertEqual(short_code_from_name("Đại Lợi Express"), "DLE")
        self.assertEqual(short_code_from_name("ABC 物流"), "AWL")
        self.assertFalse(short_code_from_name(""))

    def test_short_code_skips_legal_forms(self):
        self.assertEqual(short_code_from_name("Công ty CP Vận tải Biển Đông"), "VTBD")
        self.assertEqual(short_code_from_name("Công ty TNHH MTV Nông sản Việt"), "NSV")
        self.assertEqual(short_code_from_name("上海物流有限公司"), "SHWL")
        self.assertEqual(short_code_from_name("Saigon Logistics Co., Ltd"), "SL")
        self.assertEqual(short_code_from_name("Công ty TNHH"), "CTT")

    def test_short_code_is_generated_editable_and_found_by_name_search(self):
        customer = self.env["res.partner"].create({"name": "Vận tải Biển Đông"})
        self.assertEqual(customer.short_code, "VTBD")
        found = self.env["res.partner"].name_search("VTBD")
        self.assertIn(customer.id, [partner_id for partner_id, _name in found])

        customer.short_code = "BIENDONG"
        self.assertEqual(customer.short_code, "BIENDONG")

    def test_renaming_keeps_a_typed_mnemonic_and_updates_a_generated_one(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        typed, generated = Partner.create(
            [
                {"name": "Vận tải Biển Đông", "short_code": "BIENDONG"},
                {"name": "Đại Lợi Express"},
            ]
        )
        edited = Partner.create({"name": "Nông sản Việt"})
        edited.short_code = "NSVIET"
        (typed | generated | edited).write({"name": "Saigon Logistics"})
        self.assertEqual(typed.short_code, "BIENDONG")
        self.assertEqual(edited.short_code, "NSVIET")
        self.assertEqual(generated.short_code, "SL")
        # emptied by hand: generated again from the next name
        edited.short_code = False
        edited.name = "Vận tải Biển Đông"
        self.assertEqual(edited.short_code, "VTBD")

    def test_upgrade_flags_typed_mnemonic_codes_and_reloads_the_sharing_rule(self):
        typed, generated = self.env["res.partner"].create(
            [{"name": "Vận tải Biển Đông"}, {"name": "Đại Lợi Express"}]
        )
        # as stored before the flag existed
        typed.short_code = "BIENDONG"
        typed.short_code_typed = False
        self.assertFalse(typed.short_code_typed)
        rule = self.env.ref("crm_customer.crm_customer_interaction_rule_shared_read")
        rule.domain_force = (
            "[(1, '=', 1)] if user.company_id.crm_share_interactions else []"
        )
        run_migration(self.env.cr, "crm_customer", "18.0.1.12.1", "18.0.1.12.0")
        self.env.invalidate_all()
        self.assertTrue(typed.short_code_typed)
        self.assertFalse(generated.short_code_typed)
        # the noupdate rule gets the domain of the session's companies
        self.assertIn("company_ids", rule.domain_force)
        self.assertNotIn("user.company_id.", rule.domain_force)

    def test_customer_code_from_sequence_and_found_by_name_search(self):
        first, second = self.env["res.partner"].create(
            [
                {"name": "First", "customer_type": "customer", "is_company": True},
                {"name": "Second", "customer_type": "prospect", "is_company": True},
            ]
        )
        self.assertTrue(first.customer_code)
        self.assertTrue(second.customer_code)
        self.assertNotEqual(first.customer_code, second.customer_code)
        found = self.env["res.partner"].name_search(second.customer_code)
        self.assertIn(second.id, [partner_id for partner_id, _name in found])

    def test_contacts_and_non_customers_get_no_code(self):
        vendor = self.env["res.partner"].create({"name": "Vendor", "is_company": True})
        contact = self.env["res.partner"].create(
            {"name": "Ms Lan", "parent_id": vendor.id, "customer_type": "customer"}
        )
        self.assertFalse(vendor.customer_code)
        self.assertFalse(contact.customer_code)
        vendor.customer_type = "prospect"
        self.assertTrue(vendor.customer_code)

    def test_customer_code_is_unique(self):
        self.env["res.partner"].create({"name": "A", "customer_code": "KH-DUP"})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["res.partner"].create({"name": "B", "customer_code": "KH-DUP"})

    def test_only_sales_managers_change_a_customer_code(self):
        customer = self.env["res.partner"].create(
            {"name": "Coded", "customer_type": "customer", "user_id": self.salesman.id}
        )
        original = customer.customer_code
        with self.assertRaisesRegex(AccessError, "Only sales managers"):
            customer.with_user(self.salesman).customer_code = "KH-HACK"
        self.assertEqual(customer.customer_code, original)

        customer.with_user(self.sales_manager).customer_code = "KH-0001"
        self.assertEqual(customer.customer_code, "KH-0001")

    def test_only_sales_managers_set_a_customer_code_on_create_or_import(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        with assert_refused(self, AccessError, "Only sales managers can set"):
            Partner.create(
                {
                    "name": "Typed Code",
                    "customer_type": "customer",
                    "customer_code": "KH-HACK",
                }
            )
        result = Partner.load(
            ["name", "customer_type", "customer_code"],
            [["Imported Code", "customer", "KH-HACK"]],
        )
        self.assertFalse(result["ids"])
        self.assertRegex(
            " ".join(message["message"] for message in result["messages"]),
            "Only sales managers can set",
        )
        self.assertFalse(
            self.env["res.partner"].search(
                ["|", ("customer_code", "=", "KH-HACK"), ("name", "like", "Code")]
            )
        )
        # an empty code (the form, an import column left blank) gets the next number
        imported = Partner.load(
            ["name", "customer_type", "customer_code"],
            [["Imported Blank", "customer", ""]],
        )
        self.assertEqual(len(imported["ids"]), 1, imported["messages"])
        self.assertTrue(Partner.browse(imported["ids"]).customer_code)
        # the sales manager may
        coded = (
            self.env["res.partner"]
            .with_user(self.sales_manager)
            .create({"name": "Managed Code", "customer_code": "KH-0002"})
        )
        self.assertEqual(coded.customer_code, "KH-0002")

    def test_salesman_creating_a_customer_gets_a_code(self):
        customer = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "Own", "customer_type": "lead", "is_company": True})
        )
        self.assertTrue(customer.customer_code)

    def test_type_and_status_changes_are_tracked(self):
        tracked_env = self.env(context={"tracking_disable": False})
        customer = tracked_env["res.partner"].create(
            {"name": "Tracked", "customer_type": "prospect", "is_company": True}
        )
        self.env.cr.flush()  # as if created in an earlier transaction
        customer.write({"customer_type": "customer", "customer_status": "dormant"})
        self.env.cr.flush()  # tracking values are written just before commit
        tracked = customer.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("customer_type", tracked)
        self.assertIn("customer_status", tracked)

    def test_negative_figures_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["res.partner"].create({"name": "Neg", "employee_count": -5})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["res.partner"].create({"name": "Neg", "capital_amount": -1.0})

    def test_founding_date_cannot_be_in_the_future(self):
        # the check counts in the user's time zone, as the test must
        tomorrow = fields.Date.context_today(self.env["res.partner"]) + timedelta(
            days=1
        )
        with self.assertRaisesRegex(ValidationError, "founding date"):
            self.env["res.partner"].create(
                {"name": "Future", "founding_date": tomorrow}
            )

    def test_duplicates_are_flagged_on_create(self):
        existing = self.env["res.partner"].create(
            {"name": "Đại Lợi Express", "is_company": True, "phone": "+84 28 9999 0001"}
        )
        with Form(self.env["res.partner"]) as partner_form:
            partner_form.company_type = "company"
            partner_form.name = "đại lợi express"
            self.assertEqual(partner_form.duplicate_partner_ids[:], existing)
            partner_form.name = "Another name"
            self.assertFalse(partner_form.duplicate_partner_ids)
            partner_form.phone = "+84 28 9999 0001"
            self.assertEqual(partner_form.duplicate_partner_ids[:], existing)

    def test_yearly_figures_once_per_year_and_never_negative(self):
        customer = self.env["res.partner"].create(
            {"name": "Figures", "is_company": True}
        )
        customer.financial_year_ids = [
            (0, 0, {"year": 2025, "revenue": 1e9, "profit": -2e7, "headcount": 120})
        ]
        self.assertEqual(customer.financial_year_ids.profit, -2e7)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env["crm.customer.financial.year"].create(
                {"partner_id": customer.id, "year": 2025}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["crm.customer.financial.year"].create(
                {"partner_id": customer.id, "year": 2024, "revenue": -1}
            )
        with self.assertRaisesRegex(ValidationError, "not a valid year"):
            self.env["crm.customer.financial.year"].create(
                {"partner_id": customer.id, "year": 25}
            )

    def test_news_about_the_customer(self):
        customer = self.env["res.partner"].create(
            {"name": "In the news", "is_company": True}
        )
        customer.news_ids = [
            (
                0,
                0,
                {
                    "source": "VnExpress",
                    "url": "https://vnexpress.net/x",
                    "summary": "IPO",
                },
            )
        ]
        self.assertEqual(customer.news_ids.summary, "IPO")
        customer.unlink()
        self.assertFalse(
            self.env["crm.customer.news"].search([("summary", "=", "IPO")])
        )

    def test_responsible_department_follows_the_salesperson_until_set(self):
        Team = self.env["crm.team"]
        import_team, export_team = Team.create(
            [{"name": "Import Desk"}, {"name": "Export Desk"}]
        )
        import_team.member_ids = self.salesman
        export_team.member_ids = self.other_salesman
        customer = self.env["res.partner"].create(
            {"name": "Team Follow Co", "user_id": self.salesman.id}
        )
        self.assertEqual(customer.responsible_team_id, import_team)
        customer.responsible_team_id = export_team
        customer.user_id = self.sales_manager
        self.assertEqual(customer.responsible_team_id, export_team, "kept once set")
        self.assertIn(
            customer,
            self.env["res.partner"].search(
                [("responsible_team_id", "=", export_team.id)]
            ),
        )
