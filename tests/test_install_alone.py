"""Each suite module installs alone, with only its declared dependencies and demo
data, on its own fresh database, logging no warning; then it uninstalls cleanly."""

import os

from conftest import log_problems
import pytest

UNINSTALL_SCRIPT = """
module = env["ir.module.module"].search([("name", "=", {module!r})])
module.button_immediate_uninstall()
env.cr.commit()
states = env["ir.module.module"].search_read([("name", "=", {module!r})], ["state"])
leftovers = env["ir.model.data"].search_count([("module", "=", {module!r})])
print("RESULT", states[0]["state"], leftovers)
"""

SUITE_MODULES = os.environ.get("CRM_SUITE_MODULES", "").split(",")


@pytest.mark.parametrize("module", SUITE_MODULES)
def test_module_installs_alone_and_uninstalls(suite_odoo, module):
    db_name = suite_odoo.new_db_name(f"alone_{module}")
    try:
        install, install_log = suite_odoo.run(
            db_name, "-i", module, "--stop-after-init", log_name="install.log"
        )
        assert install.returncode == 0, install.stderr + install_log.read_text()
        assert not log_problems(install_log), "\n".join(log_problems(install_log))

        uninstall, uninstall_log = suite_odoo.run(
            db_name,
            "shell",
            "--no-http",
            stdin=UNINSTALL_SCRIPT.format(module=module),
            log_name="uninstall.log",
        )
        assert uninstall.returncode == 0, uninstall.stderr + uninstall_log.read_text()
        assert "RESULT uninstalled 0" in uninstall.stdout, uninstall.stdout
        assert not log_problems(uninstall_log), "\n".join(log_problems(uninstall_log))
    finally:
        suite_odoo.drop_db(db_name)
