from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused, load_translations

from .common import MILLION, CommissionCommon


@tagged("post_install", "-at_install")
class TestCommissionPlanChecks(CommissionCommon):
    """Bad plans are refused with a message in the manager's language, nothing saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_sales_commission"])
        cls.manager.lang = "vi_VN"

    def _plans(self):
        return self.env["commission"].search_count(
            [("plan_user_id", "=", self.tuan.id)]
        )

    def _create(self, **values):
        return self.Plan.with_context(lang="vi_VN").create(
            {
                "name": "Tuấn",
                "plan_user_id": self.tuan.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                **values,
            }
        )

    def test_negative_rate_is_refused(self):
        with assert_refused(self, ValidationError, "không được âm"):
            self._create(fix_qty=-2.0)
        self.assertEqual(self._plans(), 0)

    def test_negative_tier_rate_is_refused(self):
        tiers = self._tiers((0, 500 * MILLION, 3), (500 * MILLION, 10**15, -5))
        with assert_refused(self, ValidationError, "không được âm"):
            self._create(commission_type="section", section_ids=tiers)
        self.assertEqual(self._plans(), 0)

    def test_overlapping_tiers_are_refused(self):
        tiers = self._tiers((0, 600 * MILLION, 3), (500 * MILLION, 10**15, 5))
        with assert_refused(self, ValidationError, "không theo thứ tự"):
            self._create(commission_type="section", section_ids=tiers)
        self.assertEqual(self._plans(), 0)

    def test_tier_ending_before_its_start_is_refused(self):
        tiers = self._tiers((0, 500 * MILLION, 3), (900 * MILLION, 500 * MILLION, 5))
        with assert_refused(self, ValidationError, "kết thúc"):
            self._create(commission_type="section", section_ids=tiers)
        self.assertEqual(self._plans(), 0)

    def test_overlapping_plans_are_refused(self):
        self._create(fix_qty=2.0)
        with assert_refused(self, ValidationError, "trùng thời gian"):
            self._create(fix_qty=3.0, date_start="2026-06-01", date_end=False)
        self.assertEqual(self._plans(), 1)
        # the next year is another plan
        self._create(fix_qty=3.0, date_start="2027-01-01", date_end=False)
        self.assertEqual(self._plans(), 2)
