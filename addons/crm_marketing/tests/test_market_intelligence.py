from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.crm_customer.tests.common import (
    as_request,
    assert_refused,
    load_translations,
)

from .common import CrmMarketingCommon


@tagged("post_install", "-at_install")
class TestMarketIntelligence(CrmMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        criterion = cls.env["crm.customer.criterion"].create({"name": "Vùng (test)"})
        Class = cls.env["crm.customer.classification"]
        cls.south = Class.create({"name": "Miền Nam", "criterion_id": criterion.id})
        cls.hcmc = Class.create(
            {
                "name": "TP. Hồ Chí Minh",
                "criterion_id": criterion.id,
                "parent_id": cls.south.id,
            }
        )
        cls.north = Class.create({"name": "Miền Bắc", "criterion_id": criterion.id})
        Partner = cls.env["res.partner"]
        cls.saigon_customer = Partner.create(
            {
                "name": "Sài Gòn Foods",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
                "classification_ids": [Command.link(cls.hcmc.id)],
            }
        )
        cls.named_customer = Partner.create(
            {
                "name": "Hà Nội Trading",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.competitor = Partner.create(
            {
                "name": "Đại Lợi Express",
                "is_company": True,
                "customer_type": "competitor",
            }
        )
        Intelligence = cls.env["crm.market.intelligence"]
        cls.gri = Intelligence.create(
            {
                "name": "Hãng tàu tăng phụ phí GRI tuyến Cát Lái – Busan tháng 1",
                "source": "carrier",
                "classification_ids": [Command.link(cls.south.id)],
                "summary": "<p>HMM báo tăng giá cước từ 01/01.</p>",
                "user_id": cls.marketing_user.id,
            }
        )
        cls.gri._set_state("shared")
        cls.rumour = Intelligence.create(
            {
                "name": "Đại Lợi Express giảm giá LCL",
                "source": "customer",
                "competitor_id": cls.competitor.id,
                "partner_ids": [Command.link(cls.named_customer.id)],
                "user_id": cls.marketing_user.id,
            }
        )

    def _intelligence(self, user):
        return as_request(user, self.env["crm.market.intelligence"])

    def _ours(self, *domain):
        """The test's records only (the database may hold demo data)."""
        authors = self.marketing_user | self.marketing_manager | self.env.user
        return [("user_id", "in", authors.ids), *domain]

    # ------------------------------------------------------------
    # Who does what
    # ------------------------------------------------------------

    def test_marketing_user_records_information_as_a_draft(self):
        record = self._intelligence(self.marketing_user).create(
            {
                "name": "Vietship 2027: importers ask for rail to China",
                "source": "exhibition",
                "competitor_id": self.competitor.id,
            }
        )
        self.assertEqual(record.state, "draft")
        self.assertEqual(record.user_id, self.marketing_user)
        self.assertEqual(record.company_id, self.company)
        self.assertEqual(str(record.date), "2027-01-15")
        record.summary = "<p>Two importers asked for door-to-door quotes.</p>"
        self.assertIn("door-to-door", record.summary)

    def test_marketing_user_changes_only_her_own(self):
        theirs = self.env["crm.market.intelligence"].create(
            {"name": "Manager's note", "user_id": self.marketing_manager.id}
        )
        self.assertEqual(as_request(self.marketing_user, theirs).name, "Manager's note")
        with assert_refused(self, AccessError, "Market Intelligence"):
            as_request(self.marketing_user, theirs).write({"name": "Changed"})
        self.assertEqual(theirs.name, "Manager's note")
        as_request(self.marketing_manager, self.rumour).write({"name": "Checked"})
        self.assertEqual(self.rumour.name, "Checked")

    def test_salesman_reads_shared_only_and_cannot_write(self):
        found = self._intelligence(self.salesman).search(self._ours())
        self.assertEqual(found, self.gri)
        with assert_refused(self, AccessError, "Market Intelligence"):
            as_request(self.salesman, self.rumour).name  # noqa: B018
        with assert_refused(self, AccessError, "Market Intelligence"):
            as_request(self.salesman, self.gri).write({"name": "Changed"})
        with assert_refused(self, AccessError, "Market Intelligence"):
            self._intelligence(self.salesman).create({"name": "Mine"})
        self.assertEqual(self.gri.name[:8], "Hãng tàu")

    def test_only_managers_share_and_only_through_the_buttons(self):
        for user in (self.salesman, self.marketing_user):
            with assert_refused(self, AccessError, "Only marketing managers"):
                as_request(user, self.rumour).action_share()
        with assert_refused(self, UserError, "only through its buttons"):
            as_request(self.marketing_user, self.rumour).write({"state": "shared"})
        with assert_refused(self, UserError, "only through its buttons"):
            self._intelligence(self.marketing_user).create(
                {"name": "Shared at once", "state": "shared"}
            )
        self.assertEqual(self.rumour.state, "draft")
        as_request(self.marketing_manager, self.rumour).action_share()
        self.assertEqual(self.rumour.state, "shared")
        self.assertIn(
            self.rumour, self._intelligence(self.salesman).search(self._ours())
        )
        as_request(self.marketing_manager, self.rumour).action_draft()
        self.assertNotIn(
            self.rumour, self._intelligence(self.salesman).search(self._ours())
        )

    def test_terms_in_the_user_language(self):
        load_translations(self.env, ["crm_marketing"])
        self.marketing_user.lang = "vi_VN"
        with assert_refused(self, AccessError, "Chỉ quản lý tiếp thị"):
            as_request(self.marketing_user, self.rumour).action_share()
        Intelligence = as_request(
            self.marketing_user, self.env["crm.market.intelligence"]
        )
        labels = Intelligence.fields_get(["partner_ids"], ["string"])
        self.assertEqual(labels["partner_ids"]["string"], "Khách hàng liên quan")
        action = as_request(
            self.marketing_user, self.env["ir.actions.act_window"]
        )._for_xml_id("crm_marketing.crm_market_intelligence_action")
        self.assertEqual(action["name"], "Thông tin thị trường")
        self.assertIn("khi quản lý tiếp thị đã chia sẻ", action["help"])
        self.marketing_user.lang = "zh_CN"
        with assert_refused(self, AccessError, "只有市场经理"):
            as_request(self.marketing_user, self.rumour).action_share()

    def test_another_company_record_is_invisible(self):
        other = self.env["res.company"].create({"name": "Hà Nội Freight"})
        theirs = self.env["crm.market.intelligence"].create(
            {"name": "Their news", "company_id": other.id}
        )
        self.marketing_user.company_ids |= other
        self.assertFalse(
            self._intelligence(self.marketing_user).search([("id", "=", theirs.id)])
        )
        with assert_refused(self, AccessError, "Market Intelligence"):
            as_request(self.marketing_user, theirs).name  # noqa: B018

    # ------------------------------------------------------------
    # Search
    # ------------------------------------------------------------

    def test_search_by_classification_includes_sub_values(self):
        on_hcmc = self.env["crm.market.intelligence"].create(
            {
                "name": "Cát Lái congestion",
                "classification_ids": [Command.link(self.hcmc.id)],
            }
        )
        found = self._intelligence(self.marketing_user).search(
            self._ours(("classification_ids", "child_of", self.south.id))
        )
        self.assertEqual(found, self.gri | on_hcmc)
        self.assertFalse(
            self._intelligence(self.marketing_user).search(
                self._ours(("classification_ids", "child_of", self.north.id))
            )
        )

    def test_search_without_diacritics_finds_title_and_summary(self):
        Intelligence = self._intelligence(self.salesman)
        self.assertEqual(
            Intelligence.search(
                self._ours(("display_name", "ilike", "phu phi gri tuyen cat lai"))
            ),
            self.gri,
        )
        self.assertEqual(
            Intelligence.search(
                self._ours(("display_name", "ilike", "bao tang gia cuoc"))
            ),
            self.gri,
        )
        self.assertEqual(
            Intelligence.search(self._ours(("display_name", "ilike", "Phụ phí GRI"))),
            self.gri,
        )
        self.assertFalse(
            Intelligence.search(self._ours(("display_name", "ilike", "giam gia")))
        )

    # ------------------------------------------------------------
    # On the customer
    # ------------------------------------------------------------

    def test_customer_button_counts_named_and_classified_information(self):
        self.rumour._set_state("shared")
        contact = self.env["res.partner"].create(
            {"name": "Chị Lan", "parent_id": self.saigon_customer.id}
        )
        customers = as_request(
            self.salesman, self.saigon_customer | self.named_customer | contact
        )
        self.assertEqual(customers.mapped("market_intelligence_count"), [1, 1, 1])
        action = customers[0].action_view_market_intelligence()
        self.assertEqual(
            self.env["crm.market.intelligence"].search(action["domain"]), self.gri
        )
        self.assertEqual(self.competitor.market_intelligence_count, 0)

    def test_customer_button_count_in_a_bounded_number_of_queries(self):
        Partner = self.env["res.partner"]
        many = Partner.create(
            [
                {
                    "name": f"Shipper {n}",
                    "classification_ids": [Command.link(self.hcmc.id)],
                }
                for n in range(20)
            ]
        )

        def queries(partners):
            partners = as_request(self.salesman, partners)
            before = self.cr.sql_log_count
            partners.mapped("market_intelligence_count")
            return self.cr.sql_log_count - before

        queries(self.competitor)  # the record rules and access rights, once
        self.assertEqual(queries(many[:2]), queries(many))

    def test_customer_button_counts_only_what_the_user_reads(self):
        self.assertEqual(
            as_request(self.salesman, self.named_customer).market_intelligence_count, 0
        )
        self.assertEqual(
            as_request(
                self.marketing_user, self.named_customer
            ).market_intelligence_count,
            1,
        )

    def _timeline(self, customer):
        action = customer.action_open_timeline()
        rows = as_request(self.salesman, self.env["crm.customer.timeline"]).search(
            action["domain"]
        )
        return rows.filtered(lambda row: row.res_model == "crm.market.intelligence")

    def test_timeline_shows_shared_information_to_the_salesman(self):
        rows = self._timeline(self.saigon_customer)
        self.assertEqual(rows.mapped("res_id"), [self.gri.id])
        self.assertEqual(rows.name, self.gri.name)
        action = rows.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]),
            ("crm.market.intelligence", self.gri.id),
        )
        self.assertFalse(self._timeline(self.named_customer), "a draft stays off")
        self.rumour._set_state("shared")
        self.assertEqual(self._timeline(self.named_customer).res_id, self.rumour.id)
        self.rumour.action_archive()
        self.assertFalse(self._timeline(self.named_customer), "archived: off too")
        self.assertEqual(
            as_request(self.salesman, self.named_customer).market_intelligence_count, 0
        )
