from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServiceSettings(CrmServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.administrator = mail_new_test_user(
            cls.env,
            login="crm_service_settings_admin",
            groups="base.group_user,base.group_system",
        )

    def test_working_hours_of_the_targets_are_set_in_the_crm_suite_page(self):
        night_shift = self.env["resource.calendar"].create(
            {"name": "Ca đêm", "tz": "Asia/Ho_Chi_Minh", "company_id": self.company.id}
        )
        Settings = self.env["res.config.settings"].with_user(self.administrator)
        with Form(Settings) as settings:
            self.assertEqual(settings.crm_service_calendar_id, self.calendar)
            settings.crm_service_calendar_id = night_shift
        settings.save().execute()
        self.assertEqual(self.company.resource_calendar_id, night_shift)

    def test_response_targets_are_counted_for_the_company(self):
        SLA = self.env["crm.service.sla"]
        before = SLA.search_count([("company_id", "in", [self.company.id, False])])
        SLA.with_user(self.manager).create(
            {"name": "VIP 1h", "response_hours": 1, "resolve_hours": 8}
        )
        settings = (
            self.env["res.config.settings"].with_user(self.administrator).create({})
        )
        self.assertEqual(settings.crm_service_sla_count, before + 1)
        arch = settings.get_view(view_type="form")["arch"]
        self.assertIn("crm_service_sla_count", arch)
        self.assertIn(str(self.env.ref("crm_service.crm_service_sla_action").id), arch)
