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
    """helpdesk_mgmt has no Vietnamese or Chinese: a customer who writes in Vietnamese
    read "The ticket HT00015 has been closed", and an agent worked on a case form
    labelled "Team", "Assigned user", "Priority"... under a "Helpdesk" menu."""

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
        # the agent closes it in a later request
        self.env.flush_all()
        self.env.cr.precommit.run()
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

    def _agent_sees(self, lang):
        """The labels, menus and form an agent's web client gets in ``lang``."""
        tickets = as_request(self.agent_1, self.env["helpdesk.ticket"]).with_context(
            lang=lang
        )
        labels = tickets.fields_get(
            ["team_id", "user_id", "priority", "channel_id", "partner_id"]
            + ["partner_name", "description", "stage_id", "tag_ids"],
            ["string", "selection"],
        )
        menus = {
            menu["xmlid"]: menu["name"]
            for menu in tickets.env["ir.ui.menu"].load_menus(False).values()
            if menu.get("xmlid", "").startswith("helpdesk_mgmt.")
        }
        form = tickets.get_views([(False, "form"), (False, "search")])["views"]
        return labels, menus, form["form"]["arch"] + form["search"]["arch"]

    def test_vietnamese_agent_reads_vietnamese_case_form(self):
        labels, menus, arch = self._agent_sees("vi_VN")
        self.assertEqual(
            {name: field["string"] for name, field in labels.items()},
            {
                "team_id": "Nhóm",
                "user_id": "Nhân viên phụ trách",
                "priority": "Mức độ ưu tiên",
                "channel_id": "Kênh",
                "partner_id": "Liên hệ",
                "partner_name": "Tên khách hàng",
                "description": "Mô tả",
                "stage_id": "Giai đoạn",
                "tag_ids": "Thẻ",
            },
        )
        self.assertEqual(
            dict(labels["priority"]["selection"]),
            {"0": "Thấp", "1": "Trung bình", "2": "Cao", "3": "Rất cao"},
        )
        self.assertEqual(menus["helpdesk_mgmt.helpdesk_ticket_main_menu"], "Hỗ trợ")
        self.assertEqual(
            menus["helpdesk_mgmt.helpdesk_own_ticket_menu"], "Tình huống của tôi"
        )
        self.assertIn("Thông tin khác", arch)
        self.assertIn("Chưa phân công", arch)  # search filter
        self.assertNotIn("Other Information", arch)
        self.assertNotIn("Unassigned", arch)
        self.assertEqual(self.stage_done.with_context(lang="vi_VN").name, "Hoàn thành")

    def test_chinese_agent_reads_chinese_case_form(self):
        labels, menus, arch = self._agent_sees("zh_CN")
        self.assertEqual(
            {name: field["string"] for name, field in labels.items()},
            {
                "team_id": "团队",
                "user_id": "负责人",
                "priority": "优先级",
                "channel_id": "渠道",
                "partner_id": "联系人",
                "partner_name": "客户名称",
                "description": "描述",
                "stage_id": "阶段",
                "tag_ids": "标签",
            },
        )
        self.assertEqual(
            dict(labels["priority"]["selection"]),
            {"0": "低", "1": "中", "2": "高", "3": "非常高"},
        )
        self.assertEqual(menus["helpdesk_mgmt.helpdesk_ticket_main_menu"], "服务台")
        self.assertEqual(
            menus["helpdesk_mgmt.helpdesk_own_ticket_menu"], "我的服务请求"
        )
        self.assertIn("其他信息", arch)
        self.assertIn("未分派", arch)
        self.assertNotIn("Other Information", arch)
        self.assertNotIn("Unassigned", arch)
