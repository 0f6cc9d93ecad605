"""A demo install (scripts/ensure_db.sh) takes minutes: scripts/follow_install.py shows
each module while Odoo loads it, from Odoo's own log lines, and keeps the command's exit
status."""

import os
from pathlib import Path
import re
import select
import subprocess
import sys

from conftest import ROOT_DIR

# Appends its first line to the log, waits until the test saw it reported, then appends
# the second.
FAKE_ODOO = """
import pathlib, sys, time
log, seen = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
with log.open("a") as out:
    out.write(sys.argv[3] + "\\n")
while not seen.exists():
    time.sleep(0.1)
with log.open("a") as out:
    out.write(sys.argv[4] + "\\n")
sys.exit(3)
"""


def test_each_module_is_shown_while_the_install_runs(tmp_path):
    # Odoo's real lines, from this run's own install
    install_log = Path(os.environ["CRM_SUITE_RUN_DIR"], "test-install.log").read_text()
    loading = [line for line in install_log.splitlines() if "Loading module " in line]
    earlier, first, last = loading[len(loading) // 2], loading[0], loading[-1]
    log, seen = tmp_path / "install.log", tmp_path / "seen"
    # an earlier step's line, in the same log: not shown again
    log.write_text(earlier + "\n")
    follower = subprocess.Popen(
        [
            sys.executable,
            ROOT_DIR / "scripts/follow_install.py",
            log,
            "--",
            sys.executable,
            "-c",
            FAKE_ODOO,
            log,
            seen,
            first,
            last,
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready, _, _ = select.select([follower.stderr], [], [], 60)
        shown_while_running = follower.stderr.readline() if ready else ""
        seen.touch()
        rest = follower.stderr.read()
        status = follower.wait(timeout=60)
    finally:
        seen.touch()
        follower.kill()

    assert shown_while_running.strip() == reported(first)
    assert reported(last) in rest
    assert reported(earlier) not in shown_while_running + rest
    assert status == 3


def reported(odoo_line):
    """'… Loading module crm_customer (3/80)' → '[3/80] crm_customer'"""
    name, index, count = re.search(
        r"Loading module (\S+) \((\d+)/(\d+)\)", odoo_line
    ).groups()
    return f"[{index}/{count}] {name}"
