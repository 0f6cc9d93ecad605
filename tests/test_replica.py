"""`make run REPLICA=1 WORKERS=2` serves from a streaming standby of the embedded
cluster: the standby is in recovery, the primary streams to it, and Odoo's worker
processes send the read-only requests (the suite's heavy reads among them) there,
while writes go to the primary and reach the standby. `make stop` stops both."""

import configparser
import http.client
import json
import os
from pathlib import Path
import shutil
import subprocess
import time

from conftest import free_port, run_make, suite_env
import pytest

DEMO_DB = "crm_suite_demo"


def _test_database():
    """Where `make test` installed the suite: host (socket folder), port, user, name."""
    conf = configparser.ConfigParser()
    conf.read(os.environ["CRM_SUITE_TEST_CONF"])
    options = conf["options"]
    return (
        options["db_host"],
        options["db_port"],
        options["db_user"],
        options["db_name"],
    )


def _psql(host, port, db, query):
    completed = subprocess.run(
        ["psql", "-X", "-tAq", "-h", str(host), "-p", str(port), "-U", "odoo", "-d", db]
        + ["-c", query],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return completed.stdout.strip()


class _Client:
    def __init__(self, port):
        self.port = port
        self.cookie = None

    def post(self, path, params):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        payload = json.loads(response.read())
        cookie = response.getheader("Set-Cookie")
        if cookie and cookie.startswith("session_id="):
            self.cookie = cookie.split(";", 1)[0]
        assert "error" not in payload, payload["error"]
        return payload["result"]

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.request("GET", path, headers={"Cookie": self.cookie})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()

    def call(self, model, method, *args, **kwargs):
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


def _copy_test_database(pg_dir, pg_port):
    """The suite `make test` installed (with demo data), as the demo database of the
    throw-away cluster: `make run` then has nothing to install."""
    host, port, user, name = _test_database()
    _psql(pg_dir, pg_port, "postgres", f'CREATE DATABASE "{DEMO_DB}"')
    dump = subprocess.Popen(
        ["pg_dump", "-h", host, "-p", port, "-U", user, "--no-owner", name],
        stdout=subprocess.PIPE,
    )
    subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(pg_dir)]
        + ["-p", str(pg_port), "-U", "odoo", "-d", DEMO_DB],
        stdin=dump.stdout,
        stdout=subprocess.DEVNULL,
        check=True,
        timeout=300,
    )
    assert dump.wait(timeout=60) == 0


@pytest.mark.skipif(bool(os.environ.get("DB_HOST")), reason="the embedded cluster only")
def test_make_run_replica_serves_read_only_requests_from_a_standby(
    command_clone, pg_reachable_dir
):
    pg_dir = pg_reachable_dir / "pg"
    run_dir = pg_reachable_dir / "run"
    run_dir.mkdir()
    shutil.copy(Path(os.environ["CRM_SUITE_RUN_DIR"], "odoo_src"), run_dir)
    pg_port, http_port = free_port(), free_port()
    replica_port = pg_port + 1
    env = suite_env(
        RUN_DIR=run_dir,
        PG_DIR=pg_dir,
        PG_PORT=pg_port,
        HTTP_PORT=http_port,
        GEVENT_PORT=free_port(),
    )
    scripts = command_clone / "scripts"
    subprocess.run([scripts / "pg.sh", "start"], env=env, check=True, timeout=120)
    _copy_test_database(pg_dir, pg_port)
    addons_hash = subprocess.run(
        ["bash", "-c", "source scripts/lib.sh && addons_hash"],
        cwd=command_clone,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (run_dir / f"{DEMO_DB}.addons-hash").write_text(addons_hash)

    try:
        started = run_make("run", "REPLICA=1", "WORKERS=2", cwd=command_clone, env=env)
        assert started.returncode == 0, started.stderr
        assert "2 workers" in started.stderr
        assert (
            f"read-only requests on the standby (port {replica_port})" in started.stderr
        )
        conf = (run_dir / "odoo.dev.conf").read_text()
        assert f"db_replica_host = {pg_dir}\n" in conf
        assert f"db_replica_port = {replica_port}\n" in conf
        assert "workers = 2\n" in conf

        assert _psql(pg_dir, replica_port, DEMO_DB, "SELECT pg_is_in_recovery()") == "t"
        assert _psql(pg_dir, pg_port, DEMO_DB, "SELECT pg_is_in_recovery()") == "f"
        assert (
            _psql(
                pg_dir,
                pg_port,
                "postgres",
                "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'",
            )
            == "1"
        )

        def odoo_on_replica():
            return int(
                _psql(
                    pg_dir,
                    replica_port,
                    "postgres",
                    "SELECT count(*) FROM pg_stat_activity"
                    f" WHERE datname = '{DEMO_DB}' AND application_name LIKE 'odoo-%'",
                )
            )

        client = _Client(http_port)
        uid = client.post(
            "/web/session/authenticate",
            {"db": DEMO_DB, "login": "lan.sales", "password": "lan.sales"},
        )["uid"]
        # a customer's timeline (web_search_read is @api.readonly): on the standby
        partner = client.call(
            "res.partner", "search", [("customer_type", "!=", False)], limit=1
        )[0]
        page = client.call(
            "crm.customer.timeline",
            "web_search_read",
            domain=[("partner_id", "=", partner)],
            specification={"name": {}, "date": {}},
            limit=80,
        )
        assert "records" in page
        assert odoo_on_replica() >= 1
        # a write goes to the primary and streams to the standby
        client.call("res.users", "write", [uid], {"signature": "<p>replicated</p>"})
        deadline = time.monotonic() + 30
        query = f"SELECT signature FROM res_users WHERE id = {uid}"
        while "replicated" not in _psql(pg_dir, replica_port, DEMO_DB, query):
            assert time.monotonic() < deadline, "the write did not reach the standby"
            time.sleep(0.5)
        # the xlsx downloads (readonly route): the customer list, the rate sheet and
        # the receivable aging, once the standby has the wizard the primary saved
        admin = _Client(http_port)
        admin.post(
            "/web/session/authenticate",
            {"db": DEMO_DB, "login": "admin", "password": "admin"},
        )
        for model in (
            "crm.customer.export.wizard",
            "freight.rate.export",
            "crm.receivable.aging.wizard",
        ):
            wizard = admin.call(model, "web_save", [], {}, specification={})[0]["id"]
            table = model.replace(".", "_")
            query = f"SELECT count(*) FROM {table} WHERE id = {wizard}"
            deadline = time.monotonic() + 30
            while _psql(pg_dir, replica_port, DEMO_DB, query) != "1":
                assert time.monotonic() < deadline, f"{model} did not reach the standby"
                time.sleep(0.2)
            status, content_type, body = admin.get(
                f"/crm_customer/export/{model}/{wizard}"
            )
            assert status == 200, (model, body[:500])
            assert "spreadsheetml" in content_type
            assert body.startswith(b"PK")  # an xlsx is a zip
        log = (run_dir / "odoo.log").read_text()
        assert "retrying with a read/write cursor" not in log
        # (an INFO line may carry a traceback: the copied database has no filestore)
        problems = [
            line
            for line in log.splitlines()
            if any(level in line for level in (" WARNING ", " ERROR ", " CRITICAL "))
            # the copy of a whole `make test` database holds the suite's test-only
            # module, which `make run`'s addons path does not carry
            and "test_crm_suite" not in line
        ]
        assert not problems, "\n".join(problems)
    finally:
        stop = run_make("stop", cwd=command_clone, env=suite_env())
    assert stop.returncode == 0, stop.stderr
    assert "Stopping the PostgreSQL standby" in stop.stderr
    assert not (pg_dir / "replica" / "postmaster.pid").exists()
    assert not (pg_dir / "data" / "postmaster.pid").exists()


@pytest.mark.parametrize(
    ("variable", "message"),
    [
        ("WORKERS=four", "WORKERS must be a number of worker processes"),
        ("REPLICA=yes", "REPLICA must be 1 (start a read replica) or 0"),
    ],
)
def test_a_bad_workers_or_replica_value_is_refused_before_anything(
    command_clone, tmp_path, variable, message
):
    result = run_make(
        "run",
        variable,
        cwd=command_clone,
        env=suite_env(RUN_DIR=tmp_path / "run", PG_DIR=tmp_path / "pg"),
    )
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "pg").exists()
    assert not (tmp_path / "run" / "odoo.pid").exists()


def test_replica_with_an_external_server_says_where_to_configure_it(tmp_path):
    result = subprocess.run(
        [Path(__file__).parent.parent / "scripts" / "pg.sh", "start"],
        env=suite_env(
            RUN_DIR=tmp_path / "run", DB_HOST="db.example.invalid", REPLICA=1
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "standby of the embedded cluster only" in result.stderr
    assert "db_replica_host" in result.stderr
