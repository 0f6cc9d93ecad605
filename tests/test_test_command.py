"""A `make test` killed hard (kill -9 of its whole process group: no trap runs) leaves
its cluster running and its database behind: the next `make test` stops the one and
drops the other. The next run is given a misspelt module, which it refuses before
installing anything."""

import os
import signal
import subprocess
import time

from conftest import ROOT_DIR, run_make, start_make, suite_env
import pytest

PG_PORT = os.environ.get("PG_PORT", "54329")


def leftover_databases(pg_dir):
    listed = subprocess.run(
        [
            "psql",
            "-X",
            "-h",
            str(pg_dir),
            "-p",
            PG_PORT,
            "-U",
            "odoo",
            "-d",
            "postgres",
            "-tAc",
            r"SELECT datname FROM pg_database WHERE datname LIKE 'crm_suite_test\_%'",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return listed.stdout.split()


def cluster_running(pg_dir):
    return (pg_dir / "data" / "postmaster.pid").exists()


@pytest.mark.skipif(bool(os.environ.get("DB_HOST")), reason="the embedded cluster only")
def test_next_run_stops_the_cluster_and_drops_the_database_a_killed_run_left(
    pg_reachable_dir, tmp_path
):
    pg_dir = pg_reachable_dir / "pg"
    env = suite_env(
        RUN_DIR=tmp_path / "run", PG_DIR=pg_dir, TEST_MODULES="crm_customer"
    )
    first = start_make("test", ROOT_DIR, env, tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 300
        while not leftover_databases(pg_dir):
            assert first.poll() is None, (tmp_path / "first.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "first.log").read_text()
            time.sleep(0.5)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    assert cluster_running(pg_dir)  # what the killed run left

    second = run_make("test", "TEST_MODULES=no_such_module", cwd=ROOT_DIR, env=env)

    assert second.returncode != 0
    assert "no module named 'no_such_module'" in second.stderr
    assert "left running by an interrupted 'make test'" in second.stderr
    assert not cluster_running(pg_dir)
    subprocess.run(
        [ROOT_DIR / "scripts/pg.sh", "start"], env=env, check=True, timeout=120
    )
    assert leftover_databases(pg_dir) == []
