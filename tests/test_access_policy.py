"""The suite's access policy, written down in ``access_policy.csv`` and enforced here.

One line per model the suite adds or extends, and per sensitive field, with what each
role may do (see ``ACCESS_POLICY.md`` for how to read a cell). The test builds one user
per role with the smallest groups a company would give, reads what the database
actually allows them, and fails when that differs from the table, when a suite model
or sensitive field has no line, or when a company-scoped or transient model lacks the
rule that keeps it to its company or to its creator.

After a deliberate change, ``CRM_SUITE_WRITE_ACCESS_POLICY=1 make test
TEST_PATHS=tests/test_access_policy.py`` rewrites the table from the database; review
the diff before committing it.
"""

import csv
import os
from pathlib import Path
import re

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tests.common import mail_new_test_user

POLICY_PATH = Path(__file__).with_name("access_policy.csv")
SUITE_MODULES = os.environ.get(
    "CRM_SUITE_MODULES",
    "crm_customer,crm_sales_pipeline,crm_freight_pricing,crm_service,crm_accounting_bridge,"
    "crm_marketing,crm_marketing_mass_mailing,crm_marketing_sales_pipeline,"
    "crm_marketing_freight,crm_sales_commission,crm_service_stock,crm_service_repair,crm_service_project,crm_service_freight,crm_sales_commission_freight",
).split(",")

# The smallest groups a company gives each role.
ROLES = {
    "internal": "base.group_user",
    "salesman": "base.group_user,sales_team.group_sale_salesman",
    "team_leader": "base.group_user,crm_customer.group_sale_team",
    "branch_manager": "base.group_user,crm_customer.group_sale_team_tree",
    "salesman_all": "base.group_user,sales_team.group_sale_salesman_all_leads",
    "sales_manager": "base.group_user,sales_team.group_sale_manager",
    "pricing": "base.group_user,crm_freight_pricing.group_freight_pricing_user",
    "operations": "base.group_user,crm_freight_pricing.group_freight_operations",
    "billing": "base.group_user,account.group_account_invoice",
    "accountant": "base.group_user,account.group_account_manager",
    "service_agent": "base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
    "service_manager": "base.group_user,helpdesk_mgmt.group_helpdesk_manager",
    "marketing": "base.group_user,crm_marketing.group_marketing_user",
    "marketing_manager": "base.group_user,crm_marketing.group_marketing_manager",
    "portal": "base.group_portal",
}
MODES = (("read", "r"), ("write", "w"), ("create", "c"), ("unlink", "d"))
# Fields that hold money the roles must not all see, whatever their groups say.
SENSITIVE_FIELD = re.compile(
    r"cost|margin|profit|floor|markup|purchase_price|receivable|overdue|credit|"
    r"revenue|debt|days_to_pay|uninvoiced|minimum_amount"
)
TRIVIAL_DOMAINS = ([], [(1, "=", 1)])


@tagged("post_install", "-at_install")
class TestAccessPolicy(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: mail_new_test_user(
                cls.env, login=f"access_policy_{role}", groups=groups
            )
            for role, groups in ROLES.items()
        }

    # ------------------------------------------------------------------
    # What the database allows
    # ------------------------------------------------------------------

    def _suite_models(self):
        """Models the suite defines or extends, with a table or a view behind them."""
        names = set(
            self.env["ir.model.data"]
            .search([("module", "in", SUITE_MODULES), ("model", "=", "ir.model")])
            .mapped(lambda data: self.env["ir.model"].browse(data.res_id).model)
        )
        return sorted(
            name for name in names if name in self.env and not self.env[name]._abstract
        )

    def _suite_defined_models(self):
        return [
            name
            for name in self._suite_models()
            if self.env[name]._original_module in SUITE_MODULES
        ]

    def _sensitive_fields(self):
        """(model, field) pairs for the fields the suite defines that are restricted
        to groups or hold money by their name."""
        return [
            (model_name, name)
            for model_name in self._suite_models()
            for name, field in sorted(self.env[model_name]._fields.items())
            if field._module in SUITE_MODULES
            and not field.inherited
            and (field.groups or SENSITIVE_FIELD.search(name))
        ]

    def _is_trivial(self, rule):
        domain = safe_eval(rule.domain_force or "[]", rule._eval_context())
        return domain in TRIVIAL_DOMAINS

    def _model_cell(self, user, model_name):
        """Letters for what ``user`` may do on ``model_name``: upper case on every
        record of their companies, lower case only on those a group rule leaves them
        (their own, their team's, their customers'), ``-`` for nothing."""
        access = self.env["ir.model.access"].with_user(user)
        rules = self.env["ir.rule"].with_user(user)
        user_groups = user.groups_id
        cell = ""
        for mode, letter in MODES:
            if not access.check(model_name, mode, raise_exception=False):
                continue
            group_rules = (
                rules._get_rules(model_name, mode)
                .sudo()
                .filtered(lambda rule: rule.groups & user_groups)
            )
            restricted = group_rules and not any(
                self._is_trivial(rule) for rule in group_rules
            )
            cell += letter if restricted else letter.upper()
        return cell or "-"

    def _field_cell(self, user, model_name, field_name):
        field = self.env[model_name]._fields[field_name]
        env = self.env(user=user)
        readable = field.is_accessible(env) and self.env["ir.model.access"].with_user(
            user
        ).check(model_name, "read", raise_exception=False)
        return "R" if readable else "-"

    def _actual_table(self):
        table = {}
        for model_name in self._suite_models():
            table[model_name] = {
                role: self._model_cell(user, model_name)
                for role, user in self.users.items()
            }
        for model_name, field_name in self._sensitive_fields():
            table[f"{model_name}:{field_name}"] = {
                role: self._field_cell(user, model_name, field_name)
                for role, user in self.users.items()
            }
        return table

    @staticmethod
    def _read_policy():
        with POLICY_PATH.open(newline="", encoding="utf-8") as policy_file:
            return {row.pop("target"): row for row in csv.DictReader(policy_file)}

    @staticmethod
    def _write_policy(table):
        with POLICY_PATH.open("w", newline="", encoding="utf-8") as policy_file:
            writer = csv.DictWriter(
                policy_file, fieldnames=["target", *ROLES], lineterminator="\n"
            )
            writer.writeheader()
            for target in sorted(table):
                writer.writerow({"target": target, **table[target]})

    # ------------------------------------------------------------------
    # The table
    # ------------------------------------------------------------------

    def test_database_allows_what_the_table_says(self):
        actual = self._actual_table()
        if os.environ.get("CRM_SUITE_WRITE_ACCESS_POLICY"):
            self._write_policy(actual)
            self.fail(f"{POLICY_PATH} rewritten from the database: review the diff")
        policy = self._read_policy()
        self.assertEqual(
            next(iter(policy.values())).keys() if policy else ROLES.keys(),
            ROLES.keys(),
            "the table's columns are not the roles of this test",
        )
        missing = sorted(set(actual) - set(policy))
        self.assertFalse(
            missing,
            "suite models or sensitive fields without a line in access_policy.csv: "
            + ", ".join(missing),
        )
        unknown = sorted(set(policy) - set(actual))
        self.assertFalse(
            unknown,
            "access_policy.csv lines for models or fields the suite does not have: "
            + ", ".join(unknown),
        )
        differences = [
            f"{target} as {role}: table says {policy[target][role]!r}, "
            f"database allows {actual[target][role]!r}"
            for target in sorted(actual)
            for role in ROLES
            if policy[target][role] != actual[target][role]
        ]
        self.assertFalse(differences, "\n".join(differences))

    # ------------------------------------------------------------------
    # Rules every model of a kind must have
    # ------------------------------------------------------------------

    def _global_rules(self, model_name):
        return self.env["ir.rule"].search(
            [("model_id.model", "=", model_name), ("global", "=", True)]
        )

    def test_company_scoped_models_keep_to_their_companies(self):
        missing = []
        for model_name in self._suite_defined_models():
            model = self.env[model_name]
            field = model._fields.get("company_id")
            if not field or not field.store:
                continue
            rules = self._global_rules(model_name)
            if not any("company_ids" in (rule.domain_force or "") for rule in rules):
                missing.append(model_name)
        self.assertFalse(
            missing,
            "company-scoped models without a company rule: " + ", ".join(missing),
        )

    def test_company_scoped_models_check_their_relations(self):
        problems = []
        for model_name in self._suite_defined_models():
            model = self.env[model_name]
            if "company_id" not in model._fields or not model._auto:
                continue
            if not model._check_company_auto:
                problems.append(f"{model_name}: no _check_company_auto")
            # a related field is checked on its source; the company's own source (a
            # line's parent) agrees with it by definition
            company_source = (model._fields["company_id"].related or "").split(".")[0]
            for field in model._fields.values():
                if (
                    field.type == "many2one"
                    and field.store
                    and not field.related
                    and field.name not in ("company_id", company_source)
                    and field._module in SUITE_MODULES
                    and "company_id" in self.env[field.comodel_name]._fields
                    and field.comodel_name not in ("res.company", "res.users")
                    and not field.check_company
                ):
                    problems.append(f"{model_name}.{field.name}: no check_company")
        self.assertFalse(problems, "\n".join(problems))

    def test_transient_records_belong_to_their_creator(self):
        missing = []
        for model_name in self._suite_defined_models():
            if not self.env[model_name]._transient:
                continue
            rules = self._global_rules(model_name)
            if not any("create_uid" in (rule.domain_force or "") for rule in rules):
                missing.append(model_name)
        self.assertFalse(
            missing, "wizards readable by other users: " + ", ".join(missing)
        )
