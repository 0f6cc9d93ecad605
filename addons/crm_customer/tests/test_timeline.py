from datetime import date, datetime

from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon


@tagged("post_install", "-at_install")
class TestTimeline(CrmCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Biển Đông",
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.interaction = cls.env["crm.customer.interaction"].create(
            {
                "partner_id": cls.customer.id,
                "name": "Visit",
                "type_id": cls.env.ref("crm_customer.interaction_type_meeting").id,
                "date_start": datetime(2026, 10, 5, 9, 0),
                "user_id": cls.salesman.id,
            }
        )
        cls.need = cls.env["crm.customer.need"].create(
            {
                "partner_id": cls.customer.id,
                "name": "Air freight",
                "date": date(2026, 10, 1),
            }
        )
        cls.info = cls.env["crm.customer.info"].create(
            {
                "partner_id": cls.customer.id,
                "content": "New CFO",
                "date": date(2026, 10, 9),
            }
        )
        cls.project = cls.env["crm.customer.project"].create(
            {"partner_id": cls.customer.id, "name": "Tender", "date": date(2026, 9, 1)}
        )
        cls.competitor_product = cls.env["crm.customer.competitor.product"].create(
            {"partner_id": cls.customer.id, "name": "LCL", "date": date(2026, 8, 1)}
        )

    def _timeline(self, user=None):
        action = self.customer.action_open_timeline()
        return (
            self.env["crm.customer.timeline"]
            .with_user(user or self.env.user)
            .search(action["domain"])
        )

    def test_every_record_of_the_customer_in_date_order(self):
        entries = self._timeline()
        self.assertEqual(
            [(entry.res_model, entry.res_id) for entry in entries],
            [
                ("crm.customer.info", self.info.id),
                ("crm.customer.interaction", self.interaction.id),
                ("crm.customer.need", self.need.id),
                ("crm.customer.project", self.project.id),
                ("crm.customer.competitor.product", self.competitor_product.id),
            ],
        )
        self.assertEqual(entries[1].name, "Visit")
        self.assertEqual(entries[1].model_id.model, "crm.customer.interaction")

    def test_entry_opens_its_document(self):
        entry = self._timeline().filtered(lambda e: e.res_model == "crm.customer.need")
        action = entry.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("crm.customer.need", self.need.id)
        )

    def test_salesman_sees_only_what_the_sources_let_him_see(self):
        other = mail_new_test_user(
            self.env,
            login="crm_customer_timeline_other",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        self.assertEqual(len(self._timeline(self.salesman)), 5)
        self.assertFalse(self._timeline(other))

    def test_view_is_recreated_when_an_uninstall_dropped_it(self):
        self.env.cr.execute("DROP VIEW crm_customer_timeline")
        self.env["crm.customer.timeline"]._register_hook()
        self.assertEqual(len(self._timeline()), 5)

    def _interactions(self, customer, count):
        self.env["crm.customer.interaction"].with_context(tracking_disable=True).create(
            [
                {
                    "partner_id": customer.id,
                    "name": f"Call {number}",
                    "type_id": self.env.ref("crm_customer.interaction_type_call").id,
                    "date_start": datetime(2026, 1, 1 + number % 28, number % 24),
                    "user_id": self.salesman.id,
                }
                for number in range(count)
            ]
        )

    def _page_queries(self, customer):
        """Queries of one page of the customer's timeline as the web client asks it."""
        Timeline = self.env["crm.customer.timeline"].with_user(self.salesman)
        specification = {
            "date": {},
            "partner_id": {"fields": {"display_name": {}}},
            "model_id": {"fields": {"display_name": {}}},
            "name": {},
            "user_id": {"fields": {"display_name": {}}},
        }
        domain = customer.action_open_timeline()["domain"]
        Timeline.web_search_read(domain, specification, limit=80)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = Timeline.web_search_read(domain, specification, limit=80)
        return self.env.cr.sql_log_count - before, result

    def test_a_page_costs_the_same_queries_whatever_the_history(self):
        small, large = self.env["res.partner"].create(
            [
                {"name": name, "customer_type": "customer", "user_id": self.salesman.id}
                for name in ("Small", "Large")
            ]
        )
        self._interactions(small, 90)
        self._interactions(large, 900)
        small_queries, small_page = self._page_queries(small)
        large_queries, large_page = self._page_queries(large)
        self.assertEqual((len(small_page["records"]), small_page["length"]), (80, 90))
        self.assertEqual((len(large_page["records"]), large_page["length"]), (80, 900))
        self.assertEqual(small_queries, large_queries)

    def test_reading_entries_by_id_looks_their_documents_up(self):
        """The view's id is computed: reading by id restricts the documents' ids too,
        so that each source answers from its primary key, and finds the same rows."""
        entries = self._timeline()
        Timeline = self.env["crm.customer.timeline"]
        query = Timeline._search([("id", "in", entries.ids)])
        self.assertIn('"res_id" IN', query.where_clause.code)
        self.env.invalidate_all()
        fresh = Timeline.browse(entries.ids)
        self.assertEqual(
            {(entry.res_model, entry.res_id) for entry in fresh},
            {(entry.res_model, entry.res_id) for entry in entries},
        )
        missing = Timeline.browse((self.project.id + 10**6) * 100 + 2)
        self.assertFalse(missing.exists())
