from contextlib import contextmanager
import importlib.util
from pathlib import Path

from odoo import api
from odoo.modules.module import get_module_path

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.mail.tests.common import mail_new_test_user


def as_request(user, records, companies=None):
    """Return ``records`` as ``user`` gets them in a new web request.

    Pending writes are flushed and the transaction's cache is emptied: Odoo checks a
    field's ``groups`` only when it reads the field from the database, so a value the
    test computed a moment ago would otherwise be served from the cache and hide an
    AccessError the real request raises. The environment is new, with the user's own
    context and, like the web client, only the user's current company active unless
    ``companies`` says otherwise.
    """
    env = records.env
    env.flush_all()
    env.invalidate_all()
    company_ids = (companies or user.company_id).ids
    context = {
        "lang": user.lang or "en_US",
        "tz": user.tz or "UTC",
        "allowed_company_ids": company_ids,
    }
    return records.with_env(api.Environment(env.cr, user.id, context))


@contextmanager
def assert_refused(test, exception, message):
    """``test.assertRaises(exception)`` that also checks the error's message against
    the regular expression ``message``.

    Odoo's ``assertRaises`` (unlike unittest's ``assertRaisesRegex``) rolls the
    refused operation back to a savepoint and, for access errors, empties the cache
    first, so that neither a half-done write nor a cached value decides the test.
    """
    with test.assertRaises(exception) as caught:
        yield caught
    test.assertRegex(str(caught.exception), message)


def load_translations(env, modules, langs=("vi_VN", "zh_CN")):
    """Activate ``langs`` and load the translations of ``modules`` in them, as
    installing a language on a customer's database does."""
    for lang in langs:
        env["res.lang"]._activate_lang(lang)
    env["ir.module.module"]._load_module_terms(modules, list(langs))


class CrmCustomerCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = mail_new_test_user(
            cls.env,
            login="crm_customer_salesman",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_salesman",
        )
        cls.sales_manager = mail_new_test_user(
            cls.env,
            login="crm_customer_manager",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_manager",
        )
        cls.other_salesman = mail_new_test_user(
            cls.env,
            login="crm_customer_other_salesman",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_salesman",
        )
        cls.Criterion = cls.env["crm.customer.criterion"]
        cls.Value = cls.env["crm.customer.classification"]
        cls.region = cls.Criterion.create({"name": "Test Region"})
        cls.industry = cls.Criterion.create(
            {"name": "Test Industry", "multi_valued": True}
        )
        cls.south = cls.Value.create(
            {"name": "Miền Nam", "criterion_id": cls.region.id}
        )
        cls.hcmc = cls.Value.create(
            {"name": "TP.HCM", "criterion_id": cls.region.id, "parent_id": cls.south.id}
        )
        cls.district1 = cls.Value.create(
            {"name": "Quận 1", "criterion_id": cls.region.id, "parent_id": cls.hcmc.id}
        )
        cls.north = cls.Value.create(
            {"name": "Miền Bắc", "criterion_id": cls.region.id}
        )
        cls.logistics = cls.Value.create(
            {"name": "Logistics", "criterion_id": cls.industry.id}
        )
        cls.textile = cls.Value.create(
            {"name": "Textile", "criterion_id": cls.industry.id}
        )


def run_migration(cr, module, version, previous, step="post"):
    """Run ``module``'s ``migrations/<version>/<step>-migration.py`` as Odoo's
    upgrade runs it, from version ``previous``, on ``cr``."""
    path = Path(get_module_path(module)) / "migrations" / version
    path /= f"{step}-migration.py"
    spec = importlib.util.spec_from_file_location(f"{module}_{step}_{version}", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    migration.migrate(cr, previous)
