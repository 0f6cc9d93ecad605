from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_customer.tests.common import as_request
from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestPipelineTeamLevels(TransactionCase):
    """Opportunities and quotations by data permission level on a branch tree."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, group):
            return mail_new_test_user(
                cls.env, login=login, groups=f"base.group_user,{group}"
            )

        cls.seller = user("pipe_lvl_seller", "sales_team.group_sale_salesman")
        cls.other_seller = user("pipe_lvl_other", "sales_team.group_sale_salesman")
        cls.leader = user("pipe_lvl_leader", "crm_customer.group_sale_team")
        cls.branch_manager = user(
            "pipe_lvl_branch", "crm_customer.group_sale_team_tree"
        )
        Team = cls.env["crm.team"]
        cls.branch = Team.create(
            {"name": "Chi nhánh Hải Phòng", "user_id": cls.branch_manager.id}
        )
        cls.team = Team.create(
            {
                "name": "Nhóm Hàng không",
                "parent_id": cls.branch.id,
                "user_id": cls.leader.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.seller.id})],
            }
        )
        cls.elsewhere = Team.create(
            {
                "name": "Chi nhánh Đà Nẵng",
                "crm_team_member_ids": [
                    Command.create({"user_id": cls.other_seller.id})
                ],
            }
        )
        customer = cls.env["res.partner"].create(
            {"name": "Thép Hòa Phát", "is_company": True}
        )

        def lead(user, team):
            return cls.env["crm.lead"].create(
                {
                    "name": f"Cơ hội của {user.name}",
                    "type": "opportunity",
                    "user_id": user.id,
                    "team_id": team.id,
                    "partner_id": customer.id,
                }
            )

        def order(user, team):
            return cls.env["sale.order"].create(
                {"partner_id": customer.id, "user_id": user.id, "team_id": team.id}
            )

        cls.team_lead = lead(cls.seller, cls.team)
        cls.other_lead = lead(cls.other_seller, cls.elsewhere)
        cls.team_order = order(cls.seller, cls.team)
        cls.other_order = order(cls.other_seller, cls.elsewhere)

    def _visible(self, user, model, records):
        return as_request(user, self.env[model]).search([("id", "in", records.ids)])

    def test_team_leader_and_branch_manager_read_their_teams_pipeline(self):
        leads = self.team_lead | self.other_lead
        orders = self.team_order | self.other_order
        for user in (self.seller, self.leader, self.branch_manager):
            self.assertEqual(self._visible(user, "crm.lead", leads), self.team_lead)
            self.assertEqual(self._visible(user, "sale.order", orders), self.team_order)
        # the branch manager reads a new sub-team's pipeline as soon as it joins
        self.elsewhere.parent_id = self.branch
        self.assertEqual(self._visible(self.branch_manager, "crm.lead", leads), leads)
        self.assertEqual(
            self._visible(self.branch_manager, "sale.order", orders), orders
        )
        self.assertEqual(self._visible(self.leader, "crm.lead", leads), self.team_lead)
