from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("vi_VN", "zh_CN"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["crm_customer"], ["vi_VN", "zh_CN"]
        )

    def test_data_and_labels_in_vietnamese_and_chinese(self):
        region = self.env.ref("crm_customer.criterion_region")
        self.assertEqual(region.with_context(lang="vi_VN").name, "Khu vực")
        self.assertEqual(region.with_context(lang="zh_CN").name, "区域")
        partner_fields = (
            self.env["res.partner"]
            .with_context(lang="vi_VN")
            .fields_get(["customer_code", "short_code"], ["string"])
        )
        self.assertEqual(partner_fields["customer_code"]["string"], "Mã khách hàng")
        self.assertEqual(partner_fields["short_code"]["string"], "Mã gợi nhớ")

    def test_error_messages_are_translated(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Nhân viên",
                "login": "nhanvien_i18n",
                "lang": "vi_VN",
                "groups_id": [
                    (6, 0, self.env.ref("sales_team.group_sale_salesman").ids),
                    (4, self.env.ref("base.group_partner_manager").id),
                ],
            }
        )
        customer = self.env["res.partner"].create(
            {"name": "KH", "customer_type": "customer"}
        )
        with self.assertRaisesRegex(AccessError, "Chỉ quản lý kinh doanh"):
            customer.with_user(salesman).with_context(lang="vi_VN").customer_code = "X"
