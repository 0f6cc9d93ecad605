"""The suite's special permissions, written down in ``special_permissions.csv``.

A special permission is a group of the *CRM Special Permissions* category: one extra
right (export customer lists, delete customers, reassign customers, see buy cost, grant
credit exceptions) an administrator gives on top of a user's level. The table says
what each grants, which module test shows it refused without the group and allowed with
it, and which roles of the access policy have it by default; this test fails when a
group of the category has no line, a line names no such group or an untested right, or
a role's groups differ from the table.
"""

import csv
from pathlib import Path

from test_access_policy import ROLES

from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

TABLE_PATH = Path(__file__).with_name("special_permissions.csv")
ADDONS_PATH = Path(__file__).parents[1] / "addons"


@tagged("post_install", "-at_install")
class TestSpecialPermissions(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: mail_new_test_user(
                cls.env, login=f"special_permission_{role}", groups=groups
            )
            for role, groups in ROLES.items()
        }
        with TABLE_PATH.open(newline="", encoding="utf-8") as table_file:
            cls.table = {row.pop("group"): row for row in csv.DictReader(table_file)}

    def _special_groups(self):
        category = self.env.ref("crm_customer.module_category_crm_special")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        return {group.get_external_id()[group.id]: group for group in groups}

    def test_every_special_permission_has_its_line(self):
        groups = self._special_groups()
        self.assertEqual(
            sorted(groups),
            sorted(self.table),
            "special permissions and the lines of special_permissions.csv differ",
        )

    def test_each_right_is_tested_in_its_module(self):
        for xmlid, line in self.table.items():
            test_file = ADDONS_PATH / line["tested_in"]
            self.assertTrue(test_file.is_file(), f"{xmlid}: no {test_file}")
            self.assertIn(
                xmlid.split(".")[1],
                test_file.read_text(encoding="utf-8"),
                f"{xmlid}: {line['tested_in']} does not test it",
            )

    def test_roles_have_what_the_table_says(self):
        groups = self._special_groups()
        differences = [
            f"{xmlid} for {role}: table says {line[role]!r}"
            for xmlid, line in self.table.items()
            for role, user in self.users.items()
            if line[role] != ("Y" if groups[xmlid] in user.groups_id else "-")
        ]
        self.assertFalse(differences, "\n".join(differences))

    def test_the_user_form_offers_each_on_its_own(self):
        user_fields = self.env["res.users"].fields_get()
        for group in self._special_groups().values():
            self.assertEqual(
                user_fields[f"in_group_{group.id}"]["type"],
                "boolean",
                f"{group.name} is not a checkbox of its own on the user form",
            )
