"""`make run` refuses a busy port with a way out, before starting anything, and the
server it starts survives Odoo's own restart. The configs it renders, with the database
password, are for their owner only."""

import contextlib
import http.client
import os
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

from conftest import ROOT_DIR, suite_env


def test_busy_port_gives_clear_message_and_starts_nothing(tmp_path, command_clone):
    run_dir = tmp_path / "run"
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        busy_port = listener.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "run", f"HTTP_PORT={busy_port}"],
            cwd=command_clone,
            env={**os.environ, "RUN_DIR": str(run_dir), "PG_DIR": str(tmp_path / "pg")},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    assert result.returncode != 0
    assert f"port {busy_port} is already in use" in result.stderr
    assert "HTTP_PORT=" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (run_dir / "odoo.pid").exists()
    assert not (tmp_path / "pg").exists()


def test_busy_port_is_refused_before_the_set_up_with_a_free_port_to_take(
    tmp_path, command_clone
):
    """Before minutes of set-up (here set-up would stop at once: no Odoo source, no
    virtualenv)."""
    with socket.socket() as listener, socket.socket() as usual_choice:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        busy_port = listener.getsockname()[1]
        # the port a fixed suggestion would name: busy too
        with contextlib.suppress(OSError):
            usual_choice.bind(("127.0.0.1", 8070))
            usual_choice.listen()
        result = subprocess.run(
            ["make", "--no-print-directory", "run", f"HTTP_PORT={busy_port}"],
            cwd=command_clone,
            env=suite_env(
                RUN_DIR=tmp_path / "run",
                PG_DIR=tmp_path / "pg",
                VENV_DIR=tmp_path / "venv",
                ODOO_SRC=tmp_path / "no-odoo-here",
            ),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode != 0
        assert f"port {busy_port} is already in use" in result.stderr, result.stderr
        suggested = int(re.search(r"make run HTTP_PORT=(\d+)", result.stderr).group(1))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", suggested))  # free: raises otherwise

    assert "ODOO_SRC" not in result.stderr
    assert not (tmp_path / "venv").exists()
    assert not (tmp_path / "run" / "odoo_src").exists()


RENDER_BOTH_CONFIGS = (
    "source scripts/lib.sh && render_config odoo.dev crm_suite_demo"
    " && render_config odoo.test crm_suite_test_x"
)


def test_rendered_configs_are_readable_by_their_owner_only(tmp_path):
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    shutil.copy(Path(os.environ["CRM_SUITE_RUN_DIR"], "odoo_src"), run_dir)
    stale = run_dir / "odoo.dev.conf"
    stale.write_text("; rendered before\n")
    stale.chmod(0o644)
    subprocess.run(
        [
            "bash",
            "-c",
            RENDER_BOTH_CONFIGS,
        ],
        cwd=ROOT_DIR,
        env=suite_env(RUN_DIR=run_dir, DB_PASSWORD="s3cret-pw"),
        umask=0o022,
        capture_output=True,
        check=True,
    )

    for name in ("odoo.dev.conf", "odoo.test.conf"):
        conf = run_dir / name
        assert "db_password = s3cret-pw" in conf.read_text()
        assert conf.stat().st_mode & 0o777 == 0o600, name


def test_server_comes_back_on_its_port_after_restarting_itself(tmp_path, command_clone):
    """Odoo restarts itself on SIGHUP, as on reaching its time or memory limit, by
    executing itself again: the server `make run` starts must come back."""
    run_dir = tmp_path / "run"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    venv_bin = str(Path(sys.executable).parent)
    # as from a shell where the virtualenv is not activated
    path = os.pathsep.join(
        entry for entry in os.environ["PATH"].split(os.pathsep) if entry != venv_bin
    )
    env = {
        **os.environ,
        "PATH": path,
        "RUN_DIR": str(run_dir),
        "VENV_DIR": str(Path(sys.executable).parent.parent),
    }
    subprocess.run(
        [
            str(command_clone / "scripts/serve.sh"),
            os.environ["CRM_SUITE_TEST_CONF"],
            str(port),
        ],
        env=env,
        check=True,
        timeout=300,
    )
    pid = int((run_dir / "odoo.pid").read_text())
    log = run_dir / "odoo.log"
    try:
        os.kill(pid, signal.SIGHUP)
        deadline = time.monotonic() + 120
        while log.read_text().count("HTTP service (werkzeug) running") < 2:
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            os.kill(pid, 0)  # raises once the server is gone
            time.sleep(1)
        while not _answers(port, "/web/login"):
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(1)
        assert "No module named" not in log.read_text()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)


def _answers(port, path):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", path)
        return connection.getresponse().status == 200
    except OSError:
        return False
