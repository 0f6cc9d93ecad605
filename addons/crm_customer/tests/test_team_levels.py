from datetime import datetime

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import as_request


@tagged("post_install", "-at_install")
class TestTeamLevels(TransactionCase):
    """Own → team → team and sub-teams → all, on a branch › department › team
    tree: who reads which salesperson's interactions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, group):
            return mail_new_test_user(
                cls.env, login=login, groups=f"base.group_user,{group}"
            )

        cls.seller = user("lvl_seller", "sales_team.group_sale_salesman")
        cls.hanoi_seller = user("lvl_hanoi_seller", "sales_team.group_sale_salesman")
        cls.leader = user("lvl_leader", "crm_customer.group_sale_team")
        cls.department_head = user("lvl_department", "crm_customer.group_sale_team")
        cls.branch_manager = user("lvl_branch", "crm_customer.group_sale_team_tree")
        cls.director = user("lvl_director", "sales_team.group_sale_salesman_all_leads")
        Team = cls.env["crm.team"]
        cls.branch = Team.create(
            {"name": "Chi nhánh Hồ Chí Minh", "user_id": cls.branch_manager.id}
        )
        cls.department = Team.create(
            {
                "name": "Phòng Kinh doanh Xuất khẩu",
                "parent_id": cls.branch.id,
                "user_id": cls.department_head.id,
            }
        )
        cls.team = Team.create(
            {
                "name": "Nhóm Hàng biển",
                "parent_id": cls.department.id,
                "user_id": cls.leader.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.seller.id})],
            }
        )
        cls.hanoi = Team.create(
            {
                "name": "Chi nhánh Hà Nội",
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.hanoi_seller.id})
                ],
            }
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "May Việt Tiến", "is_company": True, "user_id": cls.seller.id}
        )
        cls.hanoi_customer = Partner.create(
            {
                "name": "Gốm Bát Tràng",
                "is_company": True,
                "user_id": cls.hanoi_seller.id,
            }
        )
        cls.team_customer = Partner.create(
            {
                "name": "Dệt Phong Phú",
                "is_company": True,
                "responsible_team_id": cls.department.id,
            }
        )
        Interaction = cls.env["crm.customer.interaction"]
        meeting = cls.env.ref("crm_customer.interaction_type_meeting").id

        def interaction(partner, user, name):
            return Interaction.create(
                {
                    "partner_id": partner.id,
                    "name": name,
                    "type_id": meeting,
                    "date_start": datetime(2026, 11, 5, 9, 0),
                    "user_id": user.id if user else False,
                }
            )

        cls.own = interaction(cls.customer, cls.seller, "Gặp khách Việt Tiến")
        cls.hanoi_visit = interaction(
            cls.hanoi_customer, cls.hanoi_seller, "Thăm Bát Tràng"
        )
        cls.department_visit = interaction(
            cls.team_customer, cls.department_head, "Thăm Phong Phú"
        )
        cls.visits = cls.own | cls.hanoi_visit | cls.department_visit

    def _visible(self, user):
        return as_request(user, self.env["crm.customer.interaction"]).search(
            [("id", "in", self.visits.ids)]
        )

    def test_each_level_reads_its_scope(self):
        self.assertEqual(self._visible(self.seller), self.own)
        # the team leader: his team's salesperson, not the department's customers
        self.assertEqual(self._visible(self.leader), self.own)
        # the department head (team level): his department's customers only, not
        # the records of the team under it
        self.assertEqual(self._visible(self.department_head), self.department_visit)
        # the branch manager: every team under the branch, not Hà Nội
        self.assertEqual(
            self._visible(self.branch_manager), self.own | self.department_visit
        )
        self.assertEqual(self._visible(self.director), self.visits)

    def test_the_scope_follows_the_team_tree(self):
        self.assertIn(self.own, self._visible(self.branch_manager))
        # the sea freight team moves to Hà Nội: the branch manager no longer reads it
        self.team.parent_id = self.hanoi
        self.assertEqual(self._visible(self.branch_manager), self.department_visit)
        # Hà Nội becomes a department of the branch: it reads all of it
        self.hanoi.parent_id = self.branch
        self.assertEqual(self._visible(self.branch_manager), self.visits)
        # a new member's records reach the team leader at once
        self.assertNotIn(self.hanoi_visit, self._visible(self.leader))
        self.team.crm_team_member_ids = [
            Command.create({"user_id": self.hanoi_seller.id})
        ]
        self.assertIn(self.hanoi_visit, self._visible(self.leader))

    def test_the_levels_are_one_choice_in_the_user_form(self):
        for user, levels in (
            (self.director, (True, True, True)),
            (self.branch_manager, (True, True, False)),
            (self.leader, (True, False, False)),
            (self.seller, (False, False, False)),
        ):
            self.assertEqual(
                (
                    user.has_group("crm_customer.group_sale_team"),
                    user.has_group("crm_customer.group_sale_team_tree"),
                    user.has_group("sales_team.group_sale_salesman_all_leads"),
                ),
                levels,
            )
