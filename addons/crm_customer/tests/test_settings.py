from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, assert_refused

SUITE_MODULES = {
    "crm_customer",
    "crm_sales_pipeline",
    "crm_freight_pricing",
    "crm_service",
    "crm_accounting_bridge",
    "crm_marketing",
    "crm_marketing_mass_mailing",
    "crm_marketing_sales_pipeline",
    "crm_marketing_freight",
    "crm_service_freight",
    "crm_service_stock",
    "crm_service_repair",
    "crm_service_project",
    "crm_sales_commission_freight",
}


@tagged("post_install", "-at_install")
class TestSettings(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.administrator = mail_new_test_user(
            cls.env,
            login="crm_customer_settings_admin",
            groups="base.group_user,base.group_system",
        )
        cls.Settings = cls.env["res.config.settings"].with_user(cls.administrator)

    def _crm_suite_app(self):
        arch = self.Settings.get_view(view_type="form")["arch"]
        apps = etree.fromstring(arch).xpath("//app[@name='crm_customer']")
        self.assertEqual(len(apps), 1)
        return apps[0]

    def test_every_suite_setting_is_in_the_crm_suite_app(self):
        app = self._crm_suite_app()
        self.assertEqual(app.get("string"), "CRM Suite")
        suite_fields = {
            name
            for name, field in self.env["res.config.settings"]._fields.items()
            if field._module in SUITE_MODULES
        }
        self.assertIn("crm_birthday_reminder_days", suite_fields)
        in_app = {node.get("name") for node in app.iter("field")}
        self.assertEqual(suite_fields - in_app, set())
        # one home: no suite setting left in another app
        form = app.getparent()
        elsewhere = {
            node.get("name")
            for other in form.iter("app")
            if other is not app
            for node in other.iter("field")
        }
        self.assertEqual(suite_fields & elsewhere, set())

    def test_settings_save_to_the_company(self):
        with Form(self.Settings) as settings:
            settings.crm_birthday_reminder_days = 12
            settings.crm_admin_email = "it@vantaibiendong.vn"
        company = self.administrator.company_id
        self.assertEqual(company.crm_birthday_reminder_days, 12)
        self.assertEqual(company.crm_admin_email, "it@vantaibiendong.vn")

    def test_administrator_email_must_be_an_email(self):
        company = self.env.company
        with assert_refused(self, ValidationError, "not a valid e-mail address"):
            company.crm_admin_email = "it at vantaibiendong"
        self.assertFalse(company.crm_admin_email)
        company.crm_admin_email = "it@vantaibiendong.vn"
        company.crm_admin_email = False

    def test_decimal_places_are_odoo_precisions(self):
        Precision = self.env["decimal.precision"]
        with Form(self.Settings) as settings:
            self.assertEqual(
                settings.crm_price_digits, Precision.precision_get("Product Price")
            )
            settings.crm_price_digits = 2
            settings.crm_quantity_digits = 3
            settings.crm_discount_digits = 1
        self.assertEqual(Precision.precision_get("Product Price"), 2)
        self.assertEqual(Precision.precision_get("Product Unit of Measure"), 3)
        self.assertEqual(Precision.precision_get("Discount"), 1)
        with assert_refused(self, ValidationError, "Decimal places go from 0 to 6"):
            self.Settings.create({"crm_price_digits": -1})
        self.assertEqual(Precision.precision_get("Product Price"), 2)

    def test_amounts_follow_the_company_currency(self):
        settings = self.Settings.create({})
        currency = self.administrator.company_id.currency_id
        self.assertEqual(settings.crm_currency_id, currency)
        self.assertEqual(settings.crm_currency_decimal_places, currency.decimal_places)

    def test_sales_manager_cannot_change_decimal_places(self):
        before = self.env["decimal.precision"].precision_get("Product Price")
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.sales_manager).create(
                {"crm_price_digits": before + 1}
            )
        price = self.env.ref("product.decimal_price").with_user(self.sales_manager)
        with self.assertRaises(AccessError):
            price.digits = before + 1
        self.assertEqual(
            self.env["decimal.precision"].precision_get("Product Price"), before
        )


@tagged("post_install", "-at_install")
class TestAdministratorNotice(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.crm_birthday_reminder_days = 7
        cls.customer = cls.env["res.partner"].create(
            {"name": "Biển Đông", "is_company": True, "company_id": cls.company.id}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Ms Hoa",
                "parent_id": cls.customer.id,
                "company_id": cls.company.id,
                "birthdate_date": date(1985, 12, 3),
            }
        )
        cls.cron = cls.env.ref("crm_customer.ir_cron_birthday_reminders")

    def _admin_mails(self):
        return self.env["mail.mail"].search([("email_to", "=", "it@vantaibiendong.vn")])

    def test_birthday_nobody_can_be_reminded_of_goes_to_the_administrator(self):
        self.company.crm_admin_email = "it@vantaibiendong.vn"
        with freeze_time("2026-11-28"):
            # as the scheduler runs it: as OdooBot
            self.cron.method_direct_trigger()
            self.cron.method_direct_trigger()
        mail = self._admin_mails()
        self.assertEqual(len(mail), 1, "told once a year")
        self.assertIn("Ms Hoa", mail.body_html)
        self.assertIn("2026-12-03", mail.body_html)
        self.assertFalse(self.contact.activity_ids)

    def test_no_notice_without_administrator_email(self):
        self.assertFalse(self.company.crm_admin_email)
        with freeze_time("2026-11-28"):
            self.cron.method_direct_trigger()
        self.assertFalse(self._admin_mails())
        self.assertFalse(
            self.env["mail.mail"].search(
                [("subject", "=", "Birthdays of contacts without salesperson")]
            )
        )
        # it waits for a salesperson
        self.assertFalse(self.contact.birthday_reminder_year)
