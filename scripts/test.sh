#!/usr/bin/env bash
# Run the whole test suite on a fresh, throw-away database: install every suite module
# (with demo data, log must be clean), then pytest-odoo over addons/*/tests and tests/.
# Narrower runs while developing: make test TEST_MODULES=crm_customer \
#   TEST_PATHS=addons/crm_customer PYTEST_ARGS="-k classification"
source "$(dirname "$0")/lib.sh"

"$ROOT_DIR/scripts/setup.sh"

pg_was_running=0
if embedded_pg && "$ROOT_DIR/scripts/pg.sh" status | grep -q running; then pg_was_running=1; fi
"$ROOT_DIR/scripts/pg.sh" start

drop_test_databases() {
    local db
    for db in $(psql_suite -d postgres -tAc \
        "SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB_PREFIX}\_%'"); do
        psql_suite -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true
    done
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    drop_test_databases 2>/dev/null || true
    rm -rf "$RUN_DIR/filestore-test"
    if [ "$pg_was_running" = 0 ]; then "$ROOT_DIR/scripts/pg.sh" stop || true; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Leftovers of an interrupted run.
drop_test_databases

TEST_DB="${TEST_DB_PREFIX}_$$"
HTTP_PORT="${TEST_HTTP_PORT:-$("$VENV_DIR/bin/python" -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
CONF="$(render_config odoo.test "$TEST_DB")"
LOG="$RUN_DIR/test-install.log"

say "Installing the suite on $TEST_DB (log: $LOG)"
: >"$LOG"
"$(odoo_bin)" -c "$CONF" -d "$TEST_DB" -i "${TEST_MODULES:-$SUITE_MODULES,$TEST_ONLY_MODULES}" --stop-after-init --logfile "$LOG" \
    || { tail -n 40 "$LOG" >&2; die "installing the suite failed"; }
"$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"

say "Running the tests"
export CRM_SUITE_TEST_CONF="$CONF" CRM_SUITE_TEST_DB_PREFIX="$TEST_DB_PREFIX" \
    CRM_SUITE_MODULES="$SUITE_MODULES" CRM_SUITE_RUN_DIR="$RUN_DIR"
cd "$ROOT_DIR"
# shellcheck disable=SC2086
"$VENV_DIR/bin/pytest" --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http \
    ${PYTEST_ARGS:-} ${TEST_PATHS:-addons tests}
