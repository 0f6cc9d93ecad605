from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import load_translations


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_customer"])

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
