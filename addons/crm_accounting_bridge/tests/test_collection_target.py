from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import assert_refused, load_translations

from .collection_common import CrmCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionTarget(CrmCollectionCommon):
    def test_managers_write_targets_the_team_follows_the_salesperson(self):
        target = self._target(2_000, self.this_month, user=self.salesman)
        self.assertEqual(target.team_id, self.team)
        self.assertEqual(target.date_from, self.this_month)
        self.assertEqual(target.currency_id, self.company.currency_id)
        by_accounting = self._target(
            900, self.this_month, user=self.other_salesman, as_user=self.accountant
        )
        by_accounting.with_user(self.accountant).amount = 1_000
        self.assertEqual(by_accounting.amount, 1_000)

    def test_a_salesperson_reads_her_own_targets_and_writes_none(self):
        mine = self._target(2_000, self.this_month, user=self.salesman)
        self._target(1_000, self.this_month, user=self.other_salesman)
        team = self._target(5_000, self.this_month, team=self.team)
        self.assertEqual(self.Target.with_user(self.salesman).search([]), mine)
        self.assertEqual(
            self.Target.with_user(self.team_leader).search([]), mine | team
        )
        with assert_refused(self, AccessError, "not allowed to modify"):
            mine.with_user(self.salesman).amount = 1
        with assert_refused(self, AccessError, "not allowed to create"):
            self._target(1, self.last_month, user=self.salesman, as_user=self.salesman)

    def test_a_second_target_for_the_same_month_is_refused(self):
        self._target(2_000, self.this_month, user=self.salesman)
        with assert_refused(
            self, ValidationError, "already has a collection target for"
        ):
            self._target(500, self.this_month, user=self.salesman)
        self._target(5_000, self.this_month, team=self.team)
        with assert_refused(self, ValidationError, "Đội Miền Nam already has"):
            self._target(1, self.this_month, team=self.team)
        self.assertEqual(self.Target.search_count([]), 2)
        # another month, or the same month for a team, is fine
        self._target(2_000, self.last_month, user=self.salesman)

    def test_negative_or_ownerless_targets_are_refused(self):
        with assert_refused(self, ValidationError, "cannot be negative"):
            self._target(-1, self.this_month, user=self.salesman)
        with assert_refused(self, ValidationError, "for a salesperson or a sales team"):
            self._target(100, self.this_month)
        target = self._target(100, self.this_month, user=self.salesman)
        with assert_refused(self, ValidationError, "not a valid year"):
            target.year = 1999
        self.assertEqual(self.Target.search([]), target)
        self.assertEqual(target.amount, 100)


@tagged("post_install", "-at_install")
class TestCollectionTargetTranslations(CrmCollectionCommon):
    """The months and labels a target has from crm.period.target.mixin keep this
    module's translations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_translations(cls.env, ["crm_customer", "crm_accounting_bridge"])
        cls.env.registry.clear_cache()

    def test_months_and_salesperson_in_vietnamese_and_chinese(self):
        Target = self.env["crm.collection.target"].with_user(self.salesman)
        for lang, november, salesperson in (
            ("vi_VN", "Tháng 11", "Nhân viên kinh doanh"),
            ("zh_CN", "十一月", "销售员"),
        ):
            fields = Target.with_context(lang=lang).fields_get(
                ["month", "user_id"], ["string", "selection"]
            )
            self.assertEqual(dict(fields["month"]["selection"])["11"], november)
            self.assertEqual(fields["user_id"]["string"], salesperson)
