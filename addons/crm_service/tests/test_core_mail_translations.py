import re

from odoo.tests import tagged
from odoo.tools import html2plaintext

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.crm_customer.tools.core_translations import load_core_translations
from odoo.addons.mail.tests.common import MockEmail

from .common import CrmServiceCommon

ENGLISH = re.compile(
    r"\b(hello|ticket|has been|closed|stage|survey|rate|satisfied)\b", re.IGNORECASE
)


@tagged("post_install", "-at_install")
class TestCoreMailTranslations(CrmServiceCommon, MockEmail):
    """helpdesk_mgmt's mails have no Vietnamese or Chinese: a customer who writes in
    Vietnamese read "The ticket HT00015 has been closed"."""

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
        cls.stage_done.rating_mail_template_id = cls.env.ref(
            "helpdesk_mgmt_rating.rating_ticket_email_template"
        )
        cls.contact.email = "minh@bienxanh.example.com"

    def _close(self, lang):
        """The mails the customer gets when the agent solves their case."""
        self.contact.lang = lang
        ticket = as_request(self.agent_1, self.env["helpdesk.ticket"]).create(
            {
                "name": "Container lạnh báo động",
                "description": "<p>Báo động mỗi lần khởi động</p>",
                "partner_id": self.contact.id,
                "category_id": self.cat_repair.id,
            }
        )
        with self.mock_mail_gateway():
            as_request(self.agent_1, ticket).stage_id = self.stage_done
            self.env.flush_all()
            self.env.cr.precommit.run()
        # the words a customer reads: links (/rate/..., /my/ticket/...) left out
        return ticket, [
            re.sub(
                r"https?://\S+", "", f"{mail.subject} {html2plaintext(mail.body_html)}"
            )
            for mail in self._new_mails
        ]

    def test_vietnamese_customer_reads_vietnamese_mails(self):
        ticket, mails = self._close("vi_VN")
        self.assertEqual(len(mails), 2, mails)
        text = "\n".join(mails)
        self.assertIn(f"Tình huống {ticket.number} đã được đóng.", text)
        self.assertIn("Khảo sát mức độ hài lòng", text)
        self.assertFalse(ENGLISH.findall(text), text)

    def test_chinese_customer_reads_chinese_mails(self):
        ticket, mails = self._close("zh_CN")
        self.assertEqual(len(mails), 2, mails)
        text = "\n".join(mails)
        self.assertIn(f"服务请求 {ticket.number} 已关闭。", text)
        self.assertIn("满意度调查", text)
        self.assertFalse(ENGLISH.findall(text), text)
