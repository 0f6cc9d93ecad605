from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import load_translations

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionTranslations(CommissionCommon):
    """OCA's commission modules ship no Vietnamese nor Chinese: the labels, choices and
    menus of the settlements Lan reads come from this module's i18n_extra, loaded on
    OCA's records by Odoo's own loader (as when a language is installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_sales_commission"])
        cls.env.registry.clear_cache()
        cls.lan.name = "Nguyễn Thị Lan"
        cls._invoice(cls.lan, 400 * MILLION, 100 * MILLION, "2026-11-05")
        cls.settlement = cls._settle("2026-12-01").filtered(
            lambda s: s.agent_id == cls.lan.partner_id
        )

    def _labels(self, lang):
        fields = (
            self.env["commission.settlement"]
            .with_user(self.lan)
            .with_context(lang=lang)
            .fields_get(
                ["agent_id", "date_from", "settlement_type", "state", "total"],
                ["string", "selection"],
            )
        )
        return {
            "agent_id": fields["agent_id"]["string"],
            "date_from": fields["date_from"]["string"],
            "total": fields["total"]["string"],
            "settled": dict(fields["state"]["selection"])["settled"],
            "sale_invoice": dict(fields["settlement_type"]["selection"])[
                "sale_invoice"
            ],
        }

    def _menu_names(self, lang):
        menus = [
            "crm_sales_commission.crm_sales_commission_menu",
            "crm_sales_commission.commission_settlement_menu",
            "commission_oca.menu_commission",
            "commission_oca.menu_settlement_parent",
            "commission_oca.menu_agent_form",
        ]
        return [
            self.env.ref(xmlid).with_user(self.lan).with_context(lang=lang).name
            for xmlid in menus
        ]

    def test_vietnamese_salesperson_reads_vietnamese_settlements(self):
        self.assertEqual(
            self._labels("vi_VN"),
            {
                "agent_id": "Đại lý",
                "date_from": "Từ",
                "total": "Tổng",
                "settled": "Đã quyết toán",
                "sale_invoice": "Hóa đơn bán hàng",
            },
        )
        self.assertEqual(
            self._menu_names("vi_VN"),
            [
                "Hoa hồng",
                "Bảng quyết toán hoa hồng",
                "Hoa hồng",
                "Quyết toán hoa hồng",
                "Đại lý",
            ],
        )
        action = self.env.ref("commission_oca.action_commission_settlement")
        self.assertEqual(action.with_context(lang="vi_VN").name, "Quyết toán hoa hồng")

    def test_chinese_salesperson_reads_chinese_settlements(self):
        self.assertEqual(
            self._labels("zh_CN"),
            {
                "agent_id": "代理人",
                "date_from": "从",
                "total": "总计",
                "settled": "已结算",
                "sale_invoice": "销售发票",
            },
        )
        self.assertEqual(
            self._menu_names("zh_CN"),
            ["佣金", "佣金结算", "佣金", "佣金结算", "代理人"],
        )

    def test_english_stays_english(self):
        self.assertEqual(self._labels("en_US")["agent_id"], "Agent")

    def test_settlement_named_after_salesperson_and_month(self):
        settlement = self.settlement.with_user(self.lan)
        self.assertEqual(settlement.date_from, self._date("2026-11-01"))
        names = {
            lang: settlement.with_context(lang=lang).display_name
            for lang in ("en_US", "vi_VN", "zh_CN")
        }
        self.assertEqual(
            names,
            {
                "en_US": "Nguyễn Thị Lan — 11/2026",
                "vi_VN": "Nguyễn Thị Lan — 11/2026",
                "zh_CN": "Nguyễn Thị Lan — 2026年11月",
            },
        )

    def test_settlement_of_other_period_named_by_its_dates(self):
        settlement = (
            self.env["commission.settlement"]
            .with_user(self.lan)
            .new(
                {
                    "agent_id": self.lan.partner_id.id,
                    "date_from": "2026-10-01",
                    "date_to": "2026-12-31",
                }
            )
        )
        self.assertEqual(
            settlement.with_context(lang="vi_VN").display_name,
            "Nguyễn Thị Lan — 01/10/2026 – 31/12/2026",
        )
