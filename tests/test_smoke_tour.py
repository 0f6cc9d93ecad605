"""Smoke tour: in headless Chromium, each role logs in and opens every suite menu it is
shown, as the administrator does; an error dialog, a refused read or a blank screen
fails the role."""

import json
import os

from test_access_policy import ROLES

from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

SUITE_MODULES = os.environ.get(
    "CRM_SUITE_MODULES",
    "crm_customer,crm_sales_pipeline,crm_freight_pricing,crm_service,crm_accounting_bridge,"
    "crm_marketing,crm_marketing_mass_mailing,crm_marketing_sales_pipeline,"
    "crm_marketing_freight,crm_sales_commission,crm_service_stock,crm_service_repair,crm_service_project,crm_service_freight,crm_sales_commission_freight",
).split(",")

# Opens the actions one after the other in the same page, through the web client's own
# action service, and reports every one that fails.
OPEN_EVERY_ACTION = """
const actions = %s;
const env = odoo.__WOWL_DEBUG__.root.env;
const loaded = [
    ".o_action_manager .o_view_controller",
    ".o_action_manager .o_action",
    ".modal .o_form_view",  // wizards (target "new")
].join(", ");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
    const failures = [];
    for (const [menu, actionId] of actions) {
        document.querySelectorAll(".o_error_dialog").forEach((d) => d.remove());
        try {
            await env.services.action.doAction(actionId, { clearBreadcrumbs: true });
        } catch (error) {
            failures.push(`${menu}: ${error.message || error}`);
            continue;
        }
        const deadline = Date.now() + 30000;
        while (!document.querySelector(loaded) && Date.now() < deadline) {
            await sleep(100);
        }
        await sleep(300);
        const dialog = document.querySelector(".o_error_dialog");
        if (dialog) {
            failures.push(`${menu}: ${dialog.closest(".modal-content").innerText}`);
        } else if (!document.querySelector(loaded)) {
            failures.push(`${menu}: the action did not render`);
        }
    }
    if (failures.length) {
        console.error("menus that failed:\\n" + failures.join("\\n"));
    } else {
        console.log("test successful");
    }
})();
"""


@tagged("post_install", "-at_install")
class TestSuiteSmokeTour(HttpCase):
    def _suite_menus(self, user):
        menu_ids = (
            self.env["ir.model.data"]
            .search([("module", "in", SUITE_MODULES), ("model", "=", "ir.ui.menu")])
            .mapped("res_id")
        )
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        return (
            self.env["ir.ui.menu"]
            .browse(menu_ids)
            .filtered(lambda menu: menu.action and menu.id in visible)
        )

    def _open_every_suite_menu(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        menus = self._suite_menus(user)
        self.assertTrue(menus, f"{login} is shown no suite menu")
        actions = [[menu.complete_name, menu.action.id] for menu in menus]
        self.browser_js(
            "/odoo",
            OPEN_EVERY_ACTION % json.dumps(actions),
            ready="!!odoo.__WOWL_DEBUG__",
            login=login,
            timeout=60 + 15 * len(actions),
        )

    def test_admin_opens_every_suite_menu(self):
        self._open_every_suite_menu("admin")

    def test_each_role_opens_every_suite_menu_it_is_shown(self):
        for role, groups in ROLES.items():
            if role == "portal":
                continue
            login = f"smoke_{role}"
            mail_new_test_user(self.env, login=login, password=login, groups=groups)
            with self.subTest(role=role):
                self._open_every_suite_menu(login)
