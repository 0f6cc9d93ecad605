"""Where the Odoo 18.0 source comes from, and what a newcomer sees without one."""

import os
from pathlib import Path
import socket
import subprocess

from conftest import ROOT_DIR

ODOO_SOURCE = ROOT_DIR / "scripts" / "odoo_source.sh"


def closed_local_url():
    """A loopback URL nothing listens on: the download fails as with no network."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/odoo_18.0.latest.tar.gz"


def installed_source():
    run_dir = Path(os.environ["CRM_SUITE_RUN_DIR"])
    return (run_dir / "odoo_src").read_text(encoding="utf-8").strip()


def resolve(tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"ODOO_SRC", "ODOO_CACHE", "XDG_CACHE_HOME"}
    }
    environment.update(
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        RUN_DIR=str(tmp_path / "run"),
        ODOO_NIGHTLY_URL=closed_local_url(),
        **env,
    )
    return subprocess.run(
        ["bash", str(ODOO_SOURCE)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_no_source_and_no_network_stops_with_clear_message(tmp_path):
    result = resolve(tmp_path)

    assert result.returncode != 0
    assert "ODOO_SRC" in result.stderr
    assert str(tmp_path / "cache" / "odoo" / "18.0") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "run" / "odoo_src").exists()


def test_odoo_src_that_is_not_odoo_18_is_refused(tmp_path):
    (tmp_path / "not-odoo").mkdir()

    result = resolve(tmp_path, ODOO_SRC=str(tmp_path / "not-odoo"))

    assert result.returncode != 0
    assert "is not an Odoo 18.0 source tree" in result.stderr


def test_nightly_archive_layout_in_cache_is_accepted(tmp_path):
    """The nightly archive has setup.py and odoo/ (holding every addon), no addons/."""
    real_source = Path(installed_source())
    cache = tmp_path / "cache" / "odoo" / "18.0"
    cache.mkdir(parents=True)
    for name in ("setup.py", "odoo", "requirements.txt"):
        (cache / name).symlink_to(real_source / name)

    result = resolve(tmp_path)

    assert result.returncode == 0, result.stderr
    recorded = (tmp_path / "run" / "odoo_src").read_text(encoding="utf-8").strip()
    assert recorded == str(cache)


def test_odoo_src_takes_precedence_over_cache(tmp_path):
    real_source = installed_source()

    result = resolve(tmp_path, ODOO_SRC=real_source)

    assert result.returncode == 0, result.stderr
    recorded = (tmp_path / "run" / "odoo_src").read_text(encoding="utf-8").strip()
    assert recorded == real_source
