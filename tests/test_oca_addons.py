"""Odoo is installed as the distribution `odoo` 18.0, so OCA add-ons from PyPI
resolve and load."""

from importlib import metadata
import re

from conftest import ROOT_DIR

from odoo.modules.module import get_module_path


def oca_requirements():
    text = (ROOT_DIR / "requirements.txt").read_text(encoding="utf-8")
    return re.findall(r"^odoo-addon-([\w-]+)==18\.0\.\*", text, flags=re.MULTILINE)


def test_odoo_is_the_distribution_odoo_18():
    assert metadata.version("odoo").startswith("18.0")


def test_every_oca_requirement_is_installed_and_found_in_the_addons_path():
    addons = oca_requirements()
    assert addons, "requirements.txt lists no OCA add-on"
    for addon in addons:
        requires = metadata.requires(f"odoo-addon-{addon}") or []
        assert any(re.match(r"odoo\s*[=<>]", requirement) for requirement in requires)
        path = get_module_path(addon)
        assert path and "site-packages" in path, f"{addon} not found in the addons path"
