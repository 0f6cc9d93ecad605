from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.crm_customer.tests.common import as_request, assert_refused
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestAudienceMixin(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(freeze_time("2026-06-15 10:00:00"))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Chi nhánh Hà Nội"})
        cls.manager = mail_new_test_user(
            cls.env,
            login="audience_manager",
            groups="base.group_user,sales_team.group_sale_manager",
            company_ids=[(6, 0, (cls.company | cls.other_company).ids)],
        )
        cls.salesman = mail_new_test_user(
            cls.env,
            login="audience_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.employee = mail_new_test_user(
            cls.env,
            login="audience_employee",
            groups="base.group_user",
        )
        cls.team = cls.env["crm.team"].create({"name": "Audience North Desk"})
        Criterion = cls.env["crm.customer.criterion"]
        Value = cls.env["crm.customer.classification"]
        region = Criterion.create({"name": "Audience region"})
        industry = Criterion.create({"name": "Audience industry", "multi_valued": True})
        cls.south = Value.create({"name": "Miền Nam", "criterion_id": region.id})
        cls.hcmc = Value.create(
            {"name": "TP.HCM", "criterion_id": region.id, "parent_id": cls.south.id}
        )
        cls.north = Value.create({"name": "Miền Bắc", "criterion_id": region.id})
        cls.trading = Value.create({"name": "Trading", "criterion_id": industry.id})
        cls.textile = Value.create({"name": "Textile", "criterion_id": industry.id})
        Partner = cls.env["res.partner"]

        def customer(name, classes, **values):
            return Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "customer_type": "customer",
                    "company_id": cls.company.id,
                    "classification_ids": [(6, 0, classes.ids)],
                    **values,
                }
            )

        cls.hcmc_trading = customer(
            "HCMC Trading", cls.hcmc | cls.trading, user_id=cls.salesman.id
        )
        cls.south_textile = customer("South Textile", cls.south | cls.textile)
        cls.north_trading = customer(
            "North Trading",
            cls.north | cls.trading,
            customer_type="prospect",
            responsible_team_id=cls.team.id,
        )
        cls.unclassified = customer("Unclassified", Value)
        cls.hcmc_contact = Partner.create(
            {"name": "Nguyễn Văn Minh", "parent_id": cls.hcmc_trading.id}
        )
        cls.other_company_customer = customer(
            "Hanoi Branch Trading",
            cls.hcmc | cls.trading,
            company_id=cls.other_company.id,
        )
        cls.Audience = cls.env["test.crm.suite.audience"]

    def _audience(self, user=None, **values):
        record = self.Audience.with_user(user or self.manager).create(
            {"name": "Test audience", **values}
        )
        return as_request(user or self.manager, record)

    def _partners(self, record):
        return record._get_audience_partners()

    def test_values_of_one_tree_are_or_ed_down_the_tree(self):
        record = self._audience(classification_ids=[(6, 0, (self.south).ids)])
        self.assertEqual(self._partners(record), self.hcmc_trading | self.south_textile)
        record.classification_ids = self.hcmc | self.north
        self.assertEqual(self._partners(record), self.hcmc_trading | self.north_trading)
        self.assertEqual(record.audience_count, 2)

    def test_trees_are_and_ed(self):
        record = self._audience(
            classification_ids=[(6, 0, (self.south | self.trading).ids)]
        )
        self.assertEqual(self._partners(record), self.hcmc_trading)
        record.classification_ids = self.south | self.trading | self.textile
        self.assertEqual(self._partners(record), self.hcmc_trading | self.south_textile)

    def test_customer_type_filter(self):
        record = self._audience(
            classification_ids=[(6, 0, self.trading.ids)], customer_type="prospect"
        )
        self.assertEqual(self._partners(record), self.north_trading)

    def test_salesperson_and_team_filters(self):
        record = self._audience(salesperson_ids=[(6, 0, self.salesman.ids)])
        self.assertEqual(self._partners(record), self.hcmc_trading)
        record = self._audience(sales_team_ids=[(6, 0, self.team.ids)])
        self.assertEqual(self._partners(record), self.north_trading)

    def test_last_interaction_window(self):
        Interaction = self.env["crm.customer.interaction"]
        call = self.env.ref("crm_customer.interaction_type_call")
        for partner, moment in (
            (self.hcmc_trading, "2026-03-10 09:00:00"),
            (self.south_textile, "2026-05-20 09:00:00"),
        ):
            Interaction.create(
                {
                    "name": "Call",
                    "partner_id": partner.id,
                    "type_id": call.id,
                    "date_start": moment,
                    "state": "done",
                }
            )
        record = self._audience(
            classification_ids=[(6, 0, (self.south | self.north).ids)],
            last_interaction_before=date(2026, 4, 1),
        )
        # not met since April: met in March, or never met
        self.assertEqual(self._partners(record), self.hcmc_trading | self.north_trading)
        record.last_interaction_from = date(2026, 3, 1)
        self.assertEqual(self._partners(record), self.hcmc_trading)
        record.last_interaction_before = False
        self.assertEqual(self._partners(record), self.hcmc_trading | self.south_textile)
        with assert_refused(
            self, ValidationError, "last interaction window must start before"
        ):
            record.last_interaction_before = date(2026, 2, 1)
            record.flush_recordset()

    def test_additions_and_exclusions_exclusion_wins(self):
        record = self._audience(
            classification_ids=[(6, 0, self.south.ids)],
            included_partner_ids=[(6, 0, (self.unclassified | self.north_trading).ids)],
            excluded_partner_ids=[
                (6, 0, (self.south_textile | self.north_trading).ids)
            ],
        )
        self.assertEqual(self._partners(record), self.hcmc_trading | self.unclassified)
        self.assertEqual(record.audience_count, 2)
        # additions alone make an audience; nothing at all is refused
        record = self._audience(included_partner_ids=[(6, 0, self.unclassified.ids)])
        self.assertEqual(self._partners(record), self.unclassified)
        empty = self._audience()
        self.assertEqual(empty.audience_count, 0)
        with assert_refused(self, UserError, "Choose customer classes"):
            empty._check_audience_criteria()

    def test_audience_stays_in_the_record_company_without_contacts(self):
        record = self._audience(classification_ids=[(6, 0, self.hcmc.ids)])
        self.assertEqual(self._partners(record), self.hcmc_trading)
        self.assertNotIn(self.hcmc_contact, self._partners(record))
        # the same criteria in the other company's record reach only its customer
        other = self._audience(
            classification_ids=[(6, 0, self.hcmc.ids)],
            company_id=self.other_company.id,
        )
        other = as_request(self.manager, other, self.other_company | self.company)
        self.assertEqual(self._partners(other), self.other_company_customer)
        # a customer of another company cannot be added by hand either
        # even when the user works in both companies at once
        both = self.company | self.other_company
        self.assertEqual(
            self._partners(as_request(self.manager, record, both)), self.hcmc_trading
        )
        with assert_refused(self, UserError, "Incompatible companies on records"):
            record.included_partner_ids = self.other_company_customer
            record.flush_recordset()

    def test_need_criterion_for_a_user_who_cannot_read_needs(self):
        product = self.env["product.product"].create({"name": "Reefer container"})
        self.env["crm.customer.need"].create(
            {"partner_id": self.south_textile.id, "product_id": product.id}
        )
        self.env["crm.customer.need"].create(
            {
                "partner_id": self.north_trading.id,
                "product_id": product.id,
                "state": "lost",
            }
        )
        record = self._audience(self.employee, need_product_ids=[(6, 0, product.ids)])
        self.assertEqual(self._partners(record), self.south_textile)
        with assert_refused(
            self, AccessError, r"not allowed to access 'Customer Need'"
        ):
            as_request(self.employee, self.env["crm.customer.need"]).search([])

    def test_competitor_contracts_ending_in_a_window(self):
        Competitor = self.env["crm.customer.competitor.product"]
        for partner, end in (
            (self.hcmc_trading, date(2031, 2, 28)),
            (self.south_textile, date(2031, 6, 30)),
            (self.north_trading, False),
            (self.other_company_customer, date(2031, 2, 1)),
        ):
            Competitor.create(
                {
                    "partner_id": partner.id,
                    "name": "FCL Cát Lái - Busan",
                    "supplier_name": "Đối thủ Logistics",
                    "contract_end_date": end,
                    "company_id": partner.company_id.id,
                }
            )
        # win back in Q1 (years ahead: the demo contracts end sooner); marketing users
        # do not read the competitor file
        record = self._audience(
            self.employee,
            competitor_contract_end_from=date(2031, 1, 1),
            competitor_contract_end_to=date(2031, 3, 31),
        )
        self.assertEqual(self._partners(record), self.hcmc_trading)
        self.assertEqual(record.audience_count, 1)
        # an open end reaches every contract ending from that day, in this company only
        record.competitor_contract_end_to = False
        self.assertEqual(self._partners(record), self.hcmc_trading | self.south_textile)
        # combined with the other criteria (AND)
        record.classification_ids = self.textile
        self.assertEqual(self._partners(record), self.south_textile)
        with assert_refused(
            self, AccessError, r"not allowed to access 'Competitor Product"
        ):
            as_request(self.employee, Competitor).search([])
        with assert_refused(
            self, ValidationError, "competitor contracts ending must start before"
        ):
            record.write(
                {
                    "competitor_contract_end_from": date(2031, 4, 1),
                    "competitor_contract_end_to": date(2031, 3, 1),
                }
            )
            record.flush_recordset()

    def test_open_audience_lists_the_audience(self):
        record = self._audience(classification_ids=[(6, 0, self.south.ids)])
        action = record.action_open_audience()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(
            self.env["res.partner"].search(action["domain"]),
            self.hcmc_trading | self.south_textile,
        )

    def test_audience_count_query_count_does_not_grow_with_customers(self):
        Partner = self.env["res.partner"]
        record = self._audience(
            classification_ids=[(6, 0, (self.south | self.trading).ids)],
            customer_type="customer",
            last_interaction_before=date(2026, 4, 1),
            excluded_partner_ids=[(6, 0, self.south_textile.ids)],
        )

        def add_customers(count):
            Partner.create(
                [
                    {
                        "name": f"Bulk {index}",
                        "is_company": True,
                        "customer_type": "customer",
                        "classification_ids": [(6, 0, (self.hcmc | self.trading).ids)],
                    }
                    for index in range(count)
                ]
            )

        # warm the registry caches (access rights, record rules) the first read fills
        self.assertEqual(record.audience_count, 1)
        counts = []
        for added in (19, 180):
            add_customers(added)
            record = as_request(self.manager, record)
            with self.assertQueryCount(14):
                counts.append(record.audience_count)
        self.assertEqual(counts, [20, 200])

    def test_each_model_keeps_its_exclusions_in_its_own_table(self):
        mixin = self.env["crm.customer.audience.mixin"]
        relation = mixin._fields["excluded_partner_ids"].relation
        children = [
            self.env[name]
            for name in mixin._inherit_children
            if not self.env[name]._abstract
        ]
        self.assertIn(self.Audience._name, [model._name for model in children])
        for model in children:
            with self.subTest(model=model._name):
                self.assertNotEqual(
                    model._fields["excluded_partner_ids"].relation, relation
                )
