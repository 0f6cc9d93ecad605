import re

from odoo.tests import Form, tagged
from odoo.tools import SQL, html2plaintext

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.crm_customer.tools.core_translations import load_core_translations

from .common import SalesPipelineCommon

ENGLISH = re.compile(r"\b(quotation|order|hello|reference|ref)\b", re.IGNORECASE)


@tagged("post_install", "-at_install")
class TestCoreMailTranslations(SalesPipelineCommon):
    """Odoo's quotation mail names the document with an English literal that its
    Vietnamese and Chinese translations keep ("Đã có quotation S00012"): the suite's
    translation replaces it, whichever was installed first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.langs = ["vi_VN", "zh_CN"]
        for lang in cls.langs:
            cls.env["res.lang"]._activate_lang(lang)
        cls.template = cls.env.ref("sale.email_template_edi_sale")
        cls.customer.email = "buyer@pipeline-test.example.com"

    def _send(self, lang):
        self.customer.lang = lang
        order = self._quotation()
        action = as_request(self.salesman, order).action_quotation_send()
        composer = Form(
            as_request(self.salesman, self.env["mail.compose.message"]).with_context(
                **action["context"]
            )
        ).save()
        composer.action_send_mail()
        message = order.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )[:1]
        return message.subject, html2plaintext(message.body)

    def _assert_translated(self, lang, words):
        subject, body = self._send(lang)
        self.assertFalse(ENGLISH.findall(f"{subject} {body}"), f"{subject}\n{body}")
        for word in words:
            self.assertIn(word, f"{subject} {body}")

    def _forget_translations(self):
        self.env.cr.execute(
            SQL(
                "UPDATE mail_template SET body_html = body_html - 'vi_VN' - 'zh_CN', "
                "subject = subject - 'vi_VN' - 'zh_CN' WHERE id = %s",
                self.template.id,
            )
        )
        self.env.invalidate_all()

    def test_language_installed_before_the_suite(self):
        # Odoo's translations first, then the module's install: its hook wins
        self._forget_translations()
        Module = self.env["ir.module.module"]
        Module._load_module_terms(["sale"], self.langs)
        Module._load_module_terms(["crm_sales_pipeline"], self.langs)
        self.assertIn("'quotation'", self.template.with_context(lang="vi_VN").body_html)
        load_core_translations(self.env, "crm_sales_pipeline")
        self._assert_translated("vi_VN", ["Báo giá", "báo giá"])
        self._assert_translated("zh_CN", ["报价单"])

    def test_language_installed_after_the_suite(self):
        # A new language reads every module's files in dependency order
        self._forget_translations()
        self.env["ir.module.module"]._load_module_terms(
            ["sale", "crm_sales_pipeline"], self.langs
        )
        self._assert_translated("vi_VN", ["báo giá"])
        self._assert_translated("zh_CN", ["报价单"])

    def test_salesperson_is_nhan_vien_kinh_doanh(self):
        """Odoo's "Chuyên viên sales" gives way to the documents' word, on the fields,
        the search filters and the printed quotation."""
        Module = self.env["ir.module.module"]
        Module._load_module_terms(
            ["mail", "sales_team", "account", "sale", "crm"], ["vi_VN"], overwrite=True
        )
        self.assertEqual(
            self.env["sale.order"]
            .with_context(lang="vi_VN")
            .fields_get(["user_id"], ["string"])["user_id"]["string"],
            "Chuyên viên sales",
        )
        for module in ("crm_customer", "crm_sales_pipeline"):
            load_core_translations(self.env, module)
        self.salesman.lang = "vi_VN"
        for model in ("sale.order", "crm.lead", "res.partner", "account.move"):
            field = "invoice_user_id" if model == "account.move" else "user_id"
            label = as_request(self.salesman, self.env[model]).fields_get(
                [field], ["string"]
            )[field]["string"]
            self.assertEqual(label, "Nhân viên kinh doanh", model)
        for xmlid in ("sale.report_saleorder_document", "sale.view_sales_order_filter"):
            arch = self.env.ref(xmlid).with_context(lang="vi_VN").arch_db
            self.assertIn("Nhân viên kinh doanh", arch)
            self.assertNotIn("Chuyên viên sales", arch)
