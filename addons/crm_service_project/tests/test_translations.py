from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import load_translations
from odoo.addons.crm_service.tests.common import CrmServiceCommon
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestProjectTranslations(CrmServiceCommon):
    """helpdesk_mgmt_project ships no Vietnamese nor Chinese: the case's project, task
    and milestone labels the agent reads come from this module's i18n_extra."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_service_project"])
        cls.env.registry.clear_cache()
        cls.project_agent = mail_new_test_user(
            cls.env,
            login="crm_service_project_i18n_agent",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_team,"
            "project.group_project_user",
        )

    def _labels(self, lang):
        fields = (
            self.env["helpdesk.ticket"]
            .with_user(self.project_agent)
            .with_context(lang=lang)
            .fields_get(["project_id", "task_id", "milestone_id"], ["string"])
        )
        return [
            fields[name]["string"] for name in ("project_id", "task_id", "milestone_id")
        ]

    def test_agent_reads_the_case_project_fields_in_her_language(self):
        self.assertEqual(self._labels("vi_VN"), ["Dự án", "Công việc", "Mốc"])
        self.assertEqual(self._labels("zh_CN"), ["项目", "任务", "里程碑"])
        self.assertEqual(self._labels("en_US"), ["Project", "Task", "Milestone"])
