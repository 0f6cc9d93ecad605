from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_customer.tests.common import load_translations


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_accounting_bridge"])
        cls.customer = cls.env["res.partner"].create(
            {"name": "Công ty Vận tải", "is_company": True}
        )

    def test_panel_labels_in_vietnamese_and_chinese(self):
        labels = {
            lang: self.env["res.partner"]
            .with_context(lang=lang)
            .fields_get(["receivable_amount", "credit_term_days"], ["string"])
            for lang in ("vi_VN", "zh_CN")
        }
        self.assertEqual(
            labels["vi_VN"]["receivable_amount"]["string"], "Số dư công nợ"
        )
        self.assertEqual(labels["zh_CN"]["receivable_amount"]["string"], "应收账款余额")
        self.assertEqual(
            labels["vi_VN"]["credit_term_days"]["string"], "Thời hạn nợ (ngày)"
        )
        self.assertEqual(labels["zh_CN"]["credit_term_days"]["string"], "信用期（天）")

    def test_validation_errors_are_translated(self):
        with self.assertRaisesRegex(ValidationError, "không được âm"):
            self.customer.with_context(lang="vi_VN").credit_limit = -100.0
        with self.assertRaisesRegex(ValidationError, "不能为负数"):
            self.customer.with_context(lang="zh_CN").credit_term_days = -1

    def test_reminder_days_error_is_translated(self):
        company = self.env.company
        with self.assertRaisesRegex(ValidationError, "phải từ 0 đến 60"):
            company.with_context(lang="vi_VN").receivable_reminder_days = 61
        with self.assertRaisesRegex(ValidationError, "必须在 0 到 60 之间"):
            company.with_context(lang="zh_CN").receivable_reminder_days = -1

    def test_aging_headers_in_the_user_language_and_english(self):
        wizard = self.env["crm.receivable.aging.wizard"].create({})
        headers = {
            lang: wizard.with_context(lang=lang)._get_bilingual_headers()
            for lang in ("en_US", "vi_VN", "zh_CN")
        }
        self.assertEqual(headers["en_US"][1], "Customer")
        self.assertEqual(headers["en_US"][4], "Not Due")
        self.assertEqual(headers["vi_VN"][1], "Khách hàng / Customer")
        self.assertEqual(headers["vi_VN"][4], "Chưa đến hạn / Not Due")
        self.assertEqual(headers["vi_VN"][8], "Trên 90 / Over 90")
        self.assertEqual(headers["zh_CN"][1], "客户 / Customer")
        self.assertEqual(headers["zh_CN"][8], "超过 90 / Over 90")
        self.assertEqual(
            wizard.with_context(lang="vi_VN")._get_subtotal_label("VND"),
            "Cộng VND / Subtotal VND",
        )

    def test_aging_buckets_error_is_translated(self):
        company = self.env.company
        with self.assertRaisesRegex(ValidationError, "tăng dần"):
            company.with_context(lang="vi_VN").aging_bucket_limits = "60,30"
        with self.assertRaisesRegex(ValidationError, "递增顺序"):
            company.with_context(lang="zh_CN").aging_bucket_limits = "0"
