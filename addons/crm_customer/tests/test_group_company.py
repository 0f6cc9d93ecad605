from ast import literal_eval

from odoo.tests import Form, tagged

from .common import CrmCustomerCommon, as_request


@tagged("post_install", "-at_install")
class TestGroupCompany(CrmCustomerCommon):
    """A company under a parent company keeps its own customer file; the people of
    a company stay its contacts (issue 17)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].with_user(cls.salesman)
        cls.group = Partner.create(
            {"name": "X Group", "is_company": True, "customer_type": "customer"}
        )
        cls.subsidiary = Partner.create(
            {
                "name": "X Logistics Hải Phòng",
                "is_company": True,
                "parent_id": cls.group.id,
                "customer_type": "customer",
                "classification_ids": [(6, 0, cls.logistics.ids)],
                "user_id": cls.salesman.id,
            }
        )
        cls.contact = Partner.create(
            {
                "name": "Chị Thu",
                "parent_id": cls.subsidiary.id,
                "customer_type": "customer",
            }
        )

    def test_subsidiary_gets_its_own_customer_code(self):
        self.assertTrue(self.subsidiary.is_customer_file)
        self.assertTrue(self.subsidiary.customer_code)
        self.assertNotEqual(self.subsidiary.customer_code, self.group.customer_code)
        self.assertEqual(self.subsidiary.commercial_partner_id, self.subsidiary)
        self.assertFalse(self.contact.is_customer_file)
        self.assertFalse(self.contact.customer_code)

    def test_company_moved_under_a_group_keeps_its_file(self):
        branch = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "X Đà Nẵng", "customer_type": "customer"})
        )
        code = branch.customer_code
        branch.write({"is_company": True, "parent_id": self.group.id})
        self.assertEqual(branch.customer_code, code)
        person = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create({"name": "Anh Nam", "parent_id": self.group.id})
        )
        person.write({"is_company": True, "customer_type": "customer"})
        self.assertTrue(person.customer_code, "a person made a company gets its file")

    def test_subsidiary_is_found_where_customers_are_picked(self):
        Partner = as_request(self.salesman, self.env["res.partner"])
        files = Partner.search([("is_customer_file", "=", True)])
        self.assertIn(self.subsidiary, files)
        self.assertIn(self.group, files)
        self.assertNotIn(self.contact, files)
        self.assertEqual(
            Partner.search([("is_customer_file", "=", False)]) & self.contact,
            self.contact,
        )
        for model in ("crm.customer.interaction", "crm.customer.need"):
            domain = literal_eval(self.env[model]._fields["partner_id"].domain)
            with self.subTest(model=model):
                self.assertIn(self.subsidiary, Partner.search(domain))
                self.assertNotIn(self.contact, Partner.search(domain))

    def test_subsidiary_form_shows_the_customer_file(self):
        subsidiary = as_request(self.salesman, self.subsidiary)
        form = Form(subsidiary)
        for fname in (
            "customer_code",
            "customer_type",
            "classification_ids",
            "trade_name",
            "interaction_count",
            "need_ids",
        ):
            with self.subTest(field=fname):
                self.assertFalse(form._get_modifier(fname, "invisible"))
        self.assertTrue(form._get_modifier("superior_id", "invisible"))
        contact_form = Form(as_request(self.salesman, self.contact))
        self.assertTrue(contact_form._get_modifier("customer_code", "invisible"))
        self.assertTrue(contact_form._get_modifier("trade_name", "invisible"))
        self.assertFalse(contact_form._get_modifier("superior_id", "invisible"))

    def test_parent_lists_its_subsidiaries(self):
        group = as_request(self.salesman, self.group)
        self.assertEqual(group.subsidiary_ids, self.subsidiary)
        self.assertEqual(group.subsidiary_count, 1)
        self.assertEqual(as_request(self.salesman, self.subsidiary).subsidiary_count, 0)
        self.assertFalse(Form(group)._get_modifier("subsidiary_ids", "invisible"))
        self.assertTrue(
            Form(as_request(self.salesman, self.subsidiary))._get_modifier(
                "subsidiary_ids", "invisible"
            )
        )

    def test_group_members_at_any_depth_in_one_query(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        branch = Partner.create(
            {
                "name": "X Hải Phòng Cảng",
                "is_company": True,
                "parent_id": self.subsidiary.id,
            }
        )
        other = Partner.create({"name": "Y Group", "is_company": True})
        roots = as_request(self.salesman, self.group | other)
        with self.assertQueryCount(1):
            members = roots._get_group_member_ids()
        self.assertCountEqual(
            members[self.group.id], (self.group | self.subsidiary | branch).ids
        )
        self.assertEqual(members[other.id], other.ids)

    def test_group_timeline_includes_subsidiaries(self):
        Interaction = self.env["crm.customer.interaction"].with_user(self.salesman)
        meeting = self.env.ref("crm_customer.interaction_type_meeting").id
        own, subsidiary = Interaction.create(
            [
                {"name": "Group visit", "partner_id": pid, "type_id": meeting}
                for pid in (self.group.id, self.subsidiary.id)
            ]
        )
        group = as_request(self.salesman, self.group)
        Timeline = as_request(self.salesman, self.env["crm.customer.timeline"])
        own_rows = Timeline.search(group.action_open_timeline()["domain"])
        self.assertEqual(own_rows.mapped("res_id"), own.ids)
        group_rows = Timeline.search(group.action_open_group_timeline()["domain"])
        self.assertCountEqual(group_rows.mapped("res_id"), (own | subsidiary).ids)

    def test_company_form_sets_its_parent_company(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        branch = Partner.create(
            {
                "name": "X Trading Đà Nẵng",
                "is_company": True,
                "customer_type": "customer",
            }
        )
        form = Form(as_request(self.salesman, branch))
        form.parent_id = self.group
        form.save()
        self.assertEqual(branch.parent_id, self.group)
        self.assertEqual(branch.commercial_partner_id, branch)
        self.assertIn(branch, as_request(self.salesman, self.group).subsidiary_ids)
