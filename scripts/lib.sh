# shellcheck shell=bash
# Shared settings and helpers for the suite's commands. Sourced, never run.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Where `make run` put its server, cluster and virtualenv, remembered in the clone's .run/
# (KEY=VALUE lines) so that `make stop`, `logs`, `clean` and a second `make run` find them
# whatever the later command's variables. A script that sets USE_RUN_STATE=1 before sourcing
# this file takes the remembered values of the variables its caller did not set.
STATE_FILE="$ROOT_DIR/.run/state"
STATE_KEYS="RUN_DIR PG_DIR VENV_DIR PG_PORT HTTP_PORT DB_HOST DB_PORT WORKERS REPLICA"
HTTP_PORT_GIVEN="${HTTP_PORT:+1}"
state_value() {
    [ -f "$STATE_FILE" ] && sed -n "s/^$1=//p" "$STATE_FILE" | tail -n 1
}
if [ "${USE_RUN_STATE:-}" = 1 ] && [ -f "$STATE_FILE" ]; then
    for _key in $STATE_KEYS; do
        [ -n "${!_key:-}" ] || printf -v "$_key" '%s' "$(state_value "$_key")"
        # shellcheck disable=SC2163 # for the scripts this one runs (pg.sh)
        export "$_key"
    done
    unset _key
fi
RUN_DIR="${RUN_DIR:-$ROOT_DIR/.run}"
VENV_DIR="${VENV_DIR:-$ROOT_DIR/.venv}"
PYTHON="${PYTHON:-python3}"
ODOO_CACHE="${ODOO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/odoo/18.0}"
ODOO_NIGHTLY_URL="${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"

# Database server: the embedded cluster unless DB_HOST names another server.
DB_HOST="${DB_HOST:-}"
DB_PORT="${DB_PORT:-}"
DB_USER="${DB_USER:-}"
DB_PASSWORD="${DB_PASSWORD:-}"
PG_DIR="${PG_DIR:-$RUN_DIR/pg}"
PG_PORT="${PG_PORT:-54329}"

HTTP_PORT="${HTTP_PORT:-8069}"
# Odoo's multi-process mode: WORKERS HTTP worker processes (0: one threaded process) and,
# with workers, the gevent process serving /websocket on GEVENT_PORT.
WORKERS="${WORKERS:-0}"
GEVENT_PORT="${GEVENT_PORT:-$((HTTP_PORT + 100))}"
# REPLICA=1: a streaming standby of the embedded cluster in $PG_DIR/replica, on port
# PG_PORT + 1 (socket in $PG_DIR), which Odoo uses for its read-only requests.
REPLICA="${REPLICA:-0}"
REPLICA_PORT="$((PG_PORT + 1))"
DEMO_DB="${DEMO_DB:-crm_suite_demo}"
TEST_DB_PREFIX="${TEST_DB_PREFIX:-crm_suite_test}"
SUITE_MODULES="crm_customer,crm_sales_pipeline,crm_freight_pricing,crm_service,crm_accounting_bridge,crm_marketing,crm_marketing_mass_mailing,crm_marketing_sales_pipeline,crm_marketing_freight,crm_sales_commission,crm_service_stock,crm_service_repair,crm_service_project,crm_service_freight,crm_sales_commission_freight"
# Installed by `make test` only, from tests/addons (never on a server's add-ons path).
TEST_ONLY_MODULES="test_crm_suite"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

embedded_pg() { [ -z "$DB_HOST" ]; }

# The unprivileged account that owns the embedded cluster: postgres refuses root.
pg_owner() {
    if is_root; then echo "${PG_OWNER:-postgres}"; else id -un; fi
}

as_pg_owner() {
    if is_root; then
        runuser -u "$(pg_owner)" -- "$@"
    else
        "$@"
    fi
}

pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    done
    dir="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
    [ -x "$dir/initdb" ] && echo "$dir"
}

# Connection settings for libpq clients (psql, createdb) and for odoo.conf.
db_conn_host() { if embedded_pg; then echo "$PG_DIR"; else echo "$DB_HOST"; fi; }
db_conn_port() { if embedded_pg; then echo "$PG_PORT"; else echo "${DB_PORT:-5432}"; fi; }
db_conn_user() { if embedded_pg; then echo odoo; else echo "${DB_USER:-odoo}"; fi; }
# The read replica for odoo.conf: the embedded standby with REPLICA=1, else none (False).
db_replica_host() { if [ "$REPLICA" = 1 ] && embedded_pg; then echo "$PG_DIR"; else echo False; fi; }
db_replica_port() { if [ "$REPLICA" = 1 ] && embedded_pg; then echo "$REPLICA_PORT"; else echo False; fi; }

psql_suite() {
    PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 \
        -h "$(db_conn_host)" -p "$(db_conn_port)" -U "$(db_conn_user)" "$@"
}

odoo_bin() { echo "$VENV_DIR/bin/odoo"; }

# What ensure_db.sh compares with the hash of the last update: addons/ changed or not.
addons_hash() {
    (cd "$ROOT_DIR" && find -L addons -type f -not -path "*/__pycache__/*" -print0 \
        | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

remember_run_state() {
    local key
    mkdir -p "$(dirname "$STATE_FILE")"
    for key in $STATE_KEYS; do printf '%s=%s\n' "$key" "${!key}"; done >"$STATE_FILE.new"
    mv "$STATE_FILE.new" "$STATE_FILE"
}

# The pid in FILE when it names a live Odoo server (not a pid the system gave to another program).
odoo_pid_from() {
    local pid
    pid="$(cat "$1" 2>/dev/null)" || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null \
        | grep -q odoo && echo "$pid"
}

# The HTTP port a running server was started with (serve.sh passes --http-port).
odoo_pid_port() {
    tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | sed -n '/^--http-port$/{n;p;q}'
}

# The first port after $1 on which nothing listens, for a "choose another port" message.
free_port_after() {
    "$PYTHON" - "$1" <<'PY'
import socket, sys
for port in range(int(sys.argv[1]) + 1, 65536):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
PY
}

# Render config/<name>.conf.in into .run/<name>.conf.
render_config() {
    local name="$1" db_name="$2"
    local target="$RUN_DIR/$name.conf"
    mkdir -p "$RUN_DIR"
    ODOO_SRC_DIR="$(cat "$RUN_DIR/odoo_src")" \
        ADDONS_PATH="$(addons_path)" TEST_ADDONS_PATH="$ROOT_DIR/tests/addons" \
        DB_CONN_HOST="$(db_conn_host)" DB_CONN_PORT="$(db_conn_port)" \
        DB_CONN_USER="$(db_conn_user)" DB_CONN_PASSWORD="${DB_PASSWORD:-False}" \
        DB_REPLICA_HOST="$(db_replica_host)" DB_REPLICA_PORT="$(db_replica_port)" \
        WORKERS="$WORKERS" GEVENT_PORT="$GEVENT_PORT" \
        DB_NAME="$db_name" HTTP_PORT="$HTTP_PORT" RUN_DIR="$RUN_DIR" \
        "$VENV_DIR/bin/python" - "$ROOT_DIR/config/$name.conf.in" "$target" <<'PY'
import os, string, sys
template = string.Template(open(sys.argv[1], encoding="utf-8").read())
# It holds the database password: readable by its owner only, even when it already existed.
descriptor = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.fchmod(descriptor, 0o600)
with open(descriptor, "w", encoding="utf-8") as conf:
    conf.write(template.substitute(os.environ))
PY
    echo "$target"
}

addons_path() {
    local src site
    src="$(cat "$RUN_DIR/odoo_src")"
    site="$("$VENV_DIR/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    local paths="$ROOT_DIR/addons,$src/odoo/addons,$src/addons"
    [ -d "$site/odoo/addons" ] && paths="$paths,$site/odoo/addons"
    echo "$paths"
}
