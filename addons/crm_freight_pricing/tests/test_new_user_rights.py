"""A user the administrator creates gets the least rights: no administrator group and no
access to buy costs, unless the administrator grants them."""

from odoo.tests import TransactionCase, tagged

ADMIN_OR_COST_GROUPS = (
    "sales_team.group_sale_manager",
    "sales_team.group_sale_salesman_all_leads",
    "account.group_account_manager",
    "account.group_account_invoice",
    "crm_freight_pricing.group_freight_pricing_user",
    "crm_freight_pricing.group_freight_cost",
)


@tagged("post_install", "-at_install")
class TestNewUserRights(TransactionCase):
    def test_new_internal_user_has_the_least_rights(self):
        # as Settings > Users > New does: a name and a login, the groups left as offered
        user = self.env["res.users"].create({"login": "new.clerk", "name": "New Clerk"})
        self.assertTrue(user._is_internal())
        for xmlid in ADMIN_OR_COST_GROUPS:
            self.assertFalse(user.has_group(xmlid), f"{xmlid} given by default")

    def test_the_administrator_can_choose_more(self):
        settings = self.env["res.config.settings"].create({})
        self.assertFalse(settings.user_default_rights)
        settings.user_default_rights = True
        settings.execute()
        user = self.env["res.users"].create({"login": "new.boss", "name": "New Boss"})
        self.assertTrue(user.has_group("sales_team.group_sale_manager"))
