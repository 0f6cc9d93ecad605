"""`make run` refuses a busy port with a way out, before starting anything."""

import os
import socket
import subprocess

from conftest import ROOT_DIR


def test_busy_port_gives_clear_message_and_starts_nothing(tmp_path):
    run_dir = tmp_path / "run"
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        busy_port = listener.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "run", f"HTTP_PORT={busy_port}"],
            cwd=ROOT_DIR,
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
