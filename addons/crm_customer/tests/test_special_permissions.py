from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import CrmCustomerCommon, as_request, assert_refused

EXPORT_REFUSED = r"Exporting customer lists is a special permission"
DELETE_REFUSED = r"Deleting customers is a special permission"
REASSIGN_REFUSED = r"Changing the salesperson of .* is a special permission"


@tagged("post_install", "-at_install")
class TestSpecialPermissions(CrmCustomerCommon):
    """Export customer lists, delete customers, reassign customers: each a group an
    administrator gives on top of a salesperson's level, each refused without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.export_group = cls.env.ref("crm_customer.group_customer_export")
        cls.delete_group = cls.env.ref("crm_customer.group_customer_delete")
        cls.reassign_group = cls.env.ref("crm_customer.group_customer_reassign")
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "Thép Hòa Phát Đà Nẵng",
                "is_company": True,
                "customer_type": "customer",
                "user_id": cls.salesman.id,
            }
        )
        cls.contact = Partner.create(
            {"name": "Chị Ngọc", "parent_id": cls.customer.id, "type": "contact"}
        )
        cls.unassigned = Partner.create(
            {"name": "Gỗ Trường Thành", "is_company": True, "customer_type": "lead"}
        )
        # a carrier's address book entry, no customer file: Odoo's own rights apply
        cls.carrier = Partner.create({"name": "Hãng tàu Biển Bắc", "is_company": True})

    def _give(self, user, group):
        user.groups_id += group

    # Export ----------------------------------------------------------------

    def test_export_customer_list_needs_the_permission(self):
        # Odoo's own export right, which every employee gets by default
        self._give(self.salesman, self.env.ref("base.group_allow_export"))
        with assert_refused(self, AccessError, EXPORT_REFUSED):
            as_request(self.salesman, self.customer).export_data(["name"])
        # a customer's contacts are part of the customer list
        with assert_refused(self, AccessError, EXPORT_REFUSED):
            as_request(self.salesman, self.contact).export_data(["name", "phone"])
        self.assertEqual(
            as_request(self.salesman, self.carrier).export_data(["name"])["datas"],
            [["Hãng tàu Biển Bắc"]],
        )
        self._give(self.salesman, self.export_group)
        self.assertEqual(
            as_request(self.salesman, self.customer).export_data(["name"])["datas"],
            [["Thép Hòa Phát Đà Nẵng"]],
        )

    def test_excel_customer_export_needs_the_permission(self):
        Wizard = self.env["crm.customer.export.wizard"]
        context = {"active_model": "res.partner", "active_ids": self.customer.ids}
        with assert_refused(self, AccessError, "not allowed to create"):
            as_request(self.salesman, Wizard).with_context(**context).create({})
        self._give(self.salesman, self.export_group)
        wizard = as_request(self.salesman, Wizard).with_context(**context).create({})
        self.assertEqual(wizard.customer_count, 1)

    # Delete ----------------------------------------------------------------

    def test_delete_customer_needs_the_permission(self):
        with assert_refused(self, AccessError, DELETE_REFUSED):
            as_request(self.salesman, self.customer).unlink()
        with assert_refused(self, AccessError, DELETE_REFUSED):
            as_request(self.salesman, self.contact).unlink()
        # archiving stays everyone's
        as_request(self.salesman, self.customer).action_archive()
        self.assertFalse(self.customer.active)
        as_request(self.salesman, self.carrier).unlink()
        self.assertFalse(self.carrier.exists())
        self._give(self.salesman, self.delete_group)
        as_request(self.salesman, self.customer | self.contact).unlink()
        self.assertFalse((self.customer | self.contact).exists())

    # Reassign --------------------------------------------------------------

    def test_change_of_salesperson_needs_the_permission(self):
        own = as_request(self.salesman, self.customer)
        with assert_refused(self, AccessError, REASSIGN_REFUSED):
            own.user_id = self.other_salesman
        with assert_refused(self, AccessError, REASSIGN_REFUSED):
            own.user_id = False
        self.assertEqual(self.customer.user_id, self.salesman)
        # nobody may hand an unfollowed customer to somebody else...
        with assert_refused(self, AccessError, REASSIGN_REFUSED):
            as_request(self.salesman, self.unassigned).user_id = self.other_salesman
        # ...but anyone takes it for themselves, and other fields stay free
        as_request(self.salesman, self.unassigned).user_id = self.salesman
        self.assertEqual(self.unassigned.user_id, self.salesman)
        own.write({"user_id": self.salesman.id, "phone": "0236 3888 999"})
        self.assertEqual(self.customer.phone, "0236 3888 999")

        self._give(self.salesman, self.reassign_group)
        as_request(self.salesman, self.customer).user_id = self.other_salesman
        self.assertEqual(self.customer.user_id, self.other_salesman)

    def test_assign_wizard_needs_the_permission(self):
        Wizard = self.env["crm.customer.assign.wizard"]
        values = {"partner_ids": self.unassigned.ids, "user_id": self.salesman.id}
        with assert_refused(self, AccessError, "not allowed to create"):
            as_request(self.salesman, Wizard).create(values)
        self._give(self.salesman, self.reassign_group)
        as_request(self.salesman, Wizard).create(values).action_assign()
        self.assertEqual(self.unassigned.user_id, self.salesman)

    # Who has them ----------------------------------------------------------

    def test_sales_managers_have_them_and_the_user_form_offers_each(self):
        groups = self.export_group | self.delete_group | self.reassign_group
        self.assertEqual(groups & self.sales_manager.groups_id, groups)
        self.assertFalse(groups & self.salesman.groups_id)
        branch_manager = mail_new_test_user(
            self.env,
            login="special_branch_manager",
            groups="base.group_user,crm_customer.group_sale_team_tree",
        )
        self.assertFalse(groups & branch_manager.groups_id)
        # one checkbox each on the user form, not a level
        user_fields = self.env["res.users"].fields_get()
        for group in groups:
            self.assertEqual(user_fields[f"in_group_{group.id}"]["type"], "boolean")
        self._give(self.sales_manager, self.env.ref("base.group_allow_export"))
        sales_manager = as_request(self.sales_manager, self.customer)
        sales_manager.user_id = self.other_salesman
        sales_manager.export_data(["name"])
        sales_manager.unlink()
        self.assertFalse(self.customer.exists())
