"""Smoke tour: in headless Chromium, log in as admin and open every suite menu."""

import os

from odoo.tests import HttpCase, tagged

SUITE_MODULES = os.environ.get(
    "CRM_SUITE_MODULES",
    "crm_customer,crm_sales_pipeline,crm_freight_pricing,crm_service,crm_accounting_bridge",
).split(",")

# Runs in the page once the action is requested; fails on an error dialog or a blank
# screen.
WAIT_FOR_VIEW = """
const deadline = Date.now() + 30000;
const loaded = [
    ".o_action_manager .o_view_controller",
    ".o_action_manager .o_action",
    ".modal .o_form_view",  // wizards (target "new")
].join(", ");
(function check() {
    const error = document.querySelector(".o_error_dialog");
    if (error) {
        console.error("error dialog: " + error.closest(".modal-content").innerText);
    } else if (document.querySelector(loaded)) {
        console.log("test successful");
    } else if (Date.now() > deadline) {
        console.error("the action did not render");
    } else {
        setTimeout(check, 100);
    }
})();
"""


@tagged("post_install", "-at_install")
class TestSuiteSmokeTour(HttpCase):
    def _suite_menus(self):
        menu_ids = (
            self.env["ir.model.data"]
            .search([("module", "in", SUITE_MODULES), ("model", "=", "ir.ui.menu")])
            .mapped("res_id")
        )
        return self.env["ir.ui.menu"].browse(menu_ids).filtered("action")

    def test_admin_opens_every_suite_menu(self):
        menus = self._suite_menus()
        self.assertTrue(menus, "the suite defines no menu with an action")
        for menu in menus:
            with self.subTest(menu=menu.complete_name):
                self.browser_js(
                    f"/odoo/action-{menu.action.id}?menu_id={menu.id}",
                    WAIT_FOR_VIEW,
                    login="admin",
                )
