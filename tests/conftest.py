"""Fixtures for the suite-level tests, which drive the project's own commands and Odoo
as separate processes. `make test` sets the CRM_SUITE_* variables they read."""

import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import tempfile
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


@pytest.fixture
def command_clone(tmp_path):
    """A clone of the project's commands (Makefile, scripts, config; add-ons linked),
    so that a test's `make run`, `stop` or `clean` writes and reads its own .run/, never
    the real one."""
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copy2(ROOT_DIR / "Makefile", clone)
    shutil.copytree(ROOT_DIR / "scripts", clone / "scripts", ignore=_no_cache)
    shutil.copytree(ROOT_DIR / "config", clone / "config")
    for name in ("addons", "tests", "requirements.txt", "requirements-dev.txt"):
        (clone / name).symlink_to(ROOT_DIR / name)
    return clone


def _no_cache(_folder, names):
    return [name for name in names if name == "__pycache__"]


@pytest.fixture
def pg_reachable_dir():
    """A throw-away folder for an embedded cluster: as root, the cluster runs as
    `postgres`, which cannot reach pytest's tmp_path (mode 700). Any cluster in it is
    stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="crm-suite-pg-"))
    folder.chmod(0o755)
    yield folder
    subprocess.run(
        [ROOT_DIR / "scripts/pg.sh", "stop"],
        env={
            **os.environ,
            "PG_DIR": str(folder / "pg"),
            "RUN_DIR": str(folder / "run"),
        },
        capture_output=True,
        check=False,
    )
    shutil.rmtree(folder, ignore_errors=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_make(*args, cwd, env):
    """`make args…` to its end (at most 10 minutes), its output captured as text."""
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def start_make(target, cwd, env, output):
    """`make target` in the background, in a process group of its own (for os.killpg),
    its output into the file `output`."""
    with output.open("w") as sink:
        return subprocess.Popen(
            ["make", "--no-print-directory", target],
            cwd=cwd,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def suite_env(**values):
    """The environment of a command run as a newcomer would: the outer `make test`'s
    RUN_DIR, PG_DIR and HTTP_PORT left out unless given."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("RUN_DIR", "PG_DIR", "HTTP_PORT", "TEST_MODULES", "TEST_PATHS")
    }
    env["VENV_DIR"] = str(Path(sys.executable).parent.parent)
    env.update({key: str(value) for key, value in values.items()})
    return env
