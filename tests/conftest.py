"""Fixtures for the suite-level tests, which drive the project's own commands and Odoo
as separate processes. `make test` sets the CRM_SUITE_* variables they read."""

import os
from pathlib import Path
import subprocess
import sys
import uuid

import pytest

ROOT_DIR = Path(__file__).resolve().parent.parent


class SuiteOdoo:
    """Runs the virtualenv's odoo against throw-away databases of the test server."""

    def __init__(self, tmp_path):
        self.conf = os.environ["CRM_SUITE_TEST_CONF"]
        self.db_prefix = os.environ["CRM_SUITE_TEST_DB_PREFIX"]
        self.modules = os.environ["CRM_SUITE_MODULES"].split(",")
        self.odoo = str(Path(sys.executable).with_name("odoo"))
        self.tmp_path = tmp_path

    def new_db_name(self, label):
        return f"{self.db_prefix}_{label}_{uuid.uuid4().hex[:8]}"

    def run(self, db_name, *args, stdin=None, log_name="odoo.log"):
        """Run odoo on db_name; return (completed process, path of its log file)."""
        log_path = self.tmp_path / log_name
        completed = subprocess.run(
            [self.odoo, *args, "-c", self.conf, "-d", db_name, f"--logfile={log_path}"],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        return completed, log_path

    def drop_db(self, db_name):
        subprocess.run(
            [self.odoo, "db", "-c", self.conf, "drop", db_name],
            capture_output=True,
            check=False,
        )


@pytest.fixture
def suite_odoo(tmp_path):
    return SuiteOdoo(tmp_path)


def log_problems(log_path):
    """Lines of an Odoo log that scripts/check_log.py refuses."""
    sys.path.insert(0, str(ROOT_DIR / "scripts"))
    try:
        import check_log
    finally:
        sys.path.pop(0)
    return check_log.problems(log_path)
