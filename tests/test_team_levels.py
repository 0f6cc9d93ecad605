"""Every record the suite keeps "own documents" for has its team levels too.

A salesperson's own-documents rule (group ``sales_team.group_sale_salesman``, a domain
on ``user.id``) on a model
means the model holds people's records; a team leader (``crm_customer.group_sale_team``)
and a branch manager (``crm_customer.group_sale_team_tree``) then need their own rules
on it, or they see only their own records there. A new model with a personal rule and
no team rules fails here.
"""

from odoo.tests import TransactionCase, tagged

SUITE_PREFIXES = ("crm_",)
LEVELS = ("crm_customer.group_sale_team", "crm_customer.group_sale_team_tree")


@tagged("post_install", "-at_install")
class TestTeamLevels(TransactionCase):
    def test_every_personal_rule_has_its_team_levels(self):
        salesman = self.env.ref("sales_team.group_sale_salesman")
        levels = [self.env.ref(xmlid) for xmlid in LEVELS]
        rules = self.env["ir.rule"].search(
            [("groups", "in", salesman.ids), ("domain_force", "like", "user.id")]
        )
        suite_rules = rules.filtered(
            lambda rule: any(
                rule.get_external_id()[rule.id].startswith(prefix)
                for prefix in SUITE_PREFIXES
            )
        )
        self.assertTrue(suite_rules, "the suite's personal rules were not found")
        models = suite_rules.model_id | self.env["ir.model"].search(
            [("model", "in", ("crm.lead", "sale.order", "sale.order.line"))]
        )
        missing = []
        for model in models:
            model_rules = self.env["ir.rule"].search([("model_id", "=", model.id)])
            for level in levels:
                if not model_rules.filtered(
                    lambda rule, level=level: level in rule.groups
                ):
                    missing.append(f"{model.model}: no rule for {level.name}")
        self.assertFalse(missing, "\n".join(missing))

    def test_the_levels_chain_into_odoo_sales_levels(self):
        all_documents = self.env.ref("sales_team.group_sale_salesman_all_leads")
        team, tree = (self.env.ref(xmlid) for xmlid in LEVELS)
        self.assertIn(tree, all_documents.implied_ids)
        self.assertIn(team, tree.implied_ids)
        self.assertIn(self.env.ref("sales_team.group_sale_salesman"), team.implied_ids)
        self.assertEqual(
            {team.category_id, tree.category_id}, {all_documents.category_id}
        )
