"""What `make run` started is found by the later commands as a newcomer types them,
without repeating the RUN_DIR, PG_DIR or HTTP_PORT it was started with: a second
`make run` names the server that really runs, `make logs` follows its log, `make stop`
stops it and its cluster, `make clean` deletes their folders and keeps a virtualenv
shared with other clones."""

import contextlib
import os
from pathlib import Path
import signal
import subprocess
import time

from conftest import free_port, run_make, start_make, suite_env
import pytest


def follow_logs(clone, env, output, expected):
    """Run `make logs` until its output shows `expected` (at most 60 s); return it."""
    logs = start_make("logs", clone, env, output)
    try:
        deadline = time.monotonic() + 60
        while expected not in output.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        os.killpg(logs.pid, signal.SIGTERM)
        logs.wait()
    return output.read_text()


@pytest.mark.skipif(bool(os.environ.get("DB_HOST")), reason="the embedded cluster only")
def test_later_commands_find_the_server_and_cluster_make_run_started(
    command_clone, pg_reachable_dir, tmp_path
):
    run_dir = tmp_path / "elsewhere"
    pg_dir = pg_reachable_dir / "pg"
    port = free_port()
    # what `make run RUN_DIR=… PG_DIR=… HTTP_PORT=…` does once the database is ready
    started_with = suite_env(RUN_DIR=run_dir, PG_DIR=pg_dir, HTTP_PORT=port)
    scripts = command_clone / "scripts"
    subprocess.run(
        [scripts / "pg.sh", "start"], env=started_with, check=True, timeout=120
    )
    subprocess.run(
        [scripts / "serve.sh", os.environ["CRM_SUITE_TEST_CONF"], str(port)],
        env=started_with,
        check=True,
        timeout=300,
    )
    pid = int((run_dir / "odoo.pid").read_text())
    newcomer = suite_env()
    try:
        other_port = free_port()
        second = run_make(
            "run", f"HTTP_PORT={other_port}", cwd=command_clone, env=newcomer
        )
        assert second.returncode != 0
        assert f"already runs at http://127.0.0.1:{port} (pid {pid})" in second.stderr
        assert f"make stop && make run HTTP_PORT={other_port}" in second.stderr
        assert f"http://127.0.0.1:{other_port}" not in second.stderr

        again = run_make("run", cwd=command_clone, env=newcomer)
        assert again.returncode == 0, again.stderr
        assert f"already running (pid {pid}) at http://127.0.0.1:{port}" in again.stderr

        shown = follow_logs(
            command_clone,
            newcomer,
            tmp_path / "logs.out",
            "HTTP service (werkzeug) running",
        )
        assert "HTTP service (werkzeug) running" in shown, shown
        assert str(run_dir / "odoo.log") in shown

        stop = run_make("stop", cwd=command_clone, env=newcomer)
        assert stop.returncode == 0, stop.stderr
        assert f"Stopping Odoo (pid {pid})" in stop.stderr
        assert "Stopping PostgreSQL" in stop.stderr
        assert not (pg_dir / "data" / "postmaster.pid").exists()
        assert _gone(pid)

        clean = run_make("clean", cwd=command_clone, env=newcomer)
        assert clean.returncode == 0, clean.stderr
        assert not run_dir.exists()
        assert not pg_dir.exists()
        assert not (command_clone / ".run").exists()
        # a virtualenv outside the clone may serve other clones: kept
        assert Path(newcomer["VENV_DIR"], "bin", "python").exists()
        assert f"Kept the virtualenv {newcomer['VENV_DIR']}" in clean.stderr
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)


def _gone(pid):
    """The process ended (a zombie its new parent has not reaped yet has ended)."""
    try:
        return ") Z " in Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
