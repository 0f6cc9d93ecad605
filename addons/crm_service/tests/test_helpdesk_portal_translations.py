from odoo.tests import HttpCase, tagged

from odoo.addons.crm_customer.tools.core_translations import load_core_translations
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestHelpdeskPortalTranslations(CrmServiceCommon, HttpCase):
    """helpdesk_mgmt's portal pages have no Vietnamese or Chinese: a customer following
    their case read "Stage:", "Assignee", "Last Stage Update:" in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        langs = ["vi_VN", "zh_CN"]
        for lang in langs:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["helpdesk_mgmt", "helpdesk_mgmt_rating", "crm_service"], langs
        )
        load_core_translations(cls.env, "crm_service")
        cls.customer_user = mail_new_test_user(
            cls.env,
            login="crm_service_portal_customer",
            groups="base.group_portal",
            lang="vi_VN",
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Container lạnh báo động",
                "description": "<p>Báo động mỗi lần khởi động</p>",
                "partner_id": cls.customer_user.partner_id.id,
                "user_id": cls.agent_1.id,
            }
        )

    def _page(self, lang, url):
        self.customer_user.lang = lang
        self.authenticate(self.customer_user.login, self.customer_user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_vietnamese_customer_reads_vietnamese_case_page(self):
        page = self._page("vi_VN", f"/my/ticket/{self.ticket.id}")
        self.assertIn(self.ticket.number, page)
        for words in ("Giai đoạn:", "Người phụ trách", "Cập nhật giai đoạn lần cuối:"):
            self.assertIn(words, page)
        for words in ("Stage:", "Assignee", "Last Stage Update:"):
            self.assertNotIn(words, page)

    def test_chinese_customer_reads_chinese_new_case_form(self):
        page = self._page("zh_CN", "/new/ticket")
        for words in ("提交新服务请求", "提交服务请求"):
            self.assertIn(words, page)
        for words in ("Send a new ticket", "Submit Ticket"):
            self.assertNotIn(words, page)
