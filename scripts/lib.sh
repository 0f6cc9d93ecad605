# shellcheck shell=bash
# Shared settings and helpers for the suite's commands. Sourced, never run.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
DEMO_DB="${DEMO_DB:-crm_suite_demo}"
TEST_DB_PREFIX="${TEST_DB_PREFIX:-crm_suite_test}"
SUITE_MODULES="crm_customer,crm_sales_pipeline,crm_freight_pricing,crm_service,crm_accounting_bridge,crm_marketing"
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

psql_suite() {
    PGPASSWORD="$DB_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 \
        -h "$(db_conn_host)" -p "$(db_conn_port)" -U "$(db_conn_user)" "$@"
}

odoo_bin() { echo "$VENV_DIR/bin/odoo"; }

# Render config/<name>.conf.in into .run/<name>.conf.
render_config() {
    local name="$1" db_name="$2"
    local target="$RUN_DIR/$name.conf"
    mkdir -p "$RUN_DIR"
    ODOO_SRC_DIR="$(cat "$RUN_DIR/odoo_src")" \
        ADDONS_PATH="$(addons_path)" TEST_ADDONS_PATH="$ROOT_DIR/tests/addons" \
        DB_CONN_HOST="$(db_conn_host)" DB_CONN_PORT="$(db_conn_port)" \
        DB_CONN_USER="$(db_conn_user)" DB_CONN_PASSWORD="${DB_PASSWORD:-False}" \
        DB_NAME="$db_name" HTTP_PORT="$HTTP_PORT" RUN_DIR="$RUN_DIR" \
        "$VENV_DIR/bin/python" - "$ROOT_DIR/config/$name.conf.in" "$target" <<'PY'
import os, string, sys
template = string.Template(open(sys.argv[1], encoding="utf-8").read())
with open(sys.argv[2], "w", encoding="utf-8") as conf:
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
