#!/usr/bin/env bash
# Run the whole test suite on a fresh, throw-away database: install every suite module
# (with demo data, log must be clean), then pytest-odoo over addons/*/tests and tests/.
# Narrower runs while developing: make test TEST_MODULES=crm_customer \
#   TEST_PATHS=addons/crm_customer PYTEST_ARGS="-k classification"
source "$(dirname "$0")/lib.sh"

"$ROOT_DIR/scripts/setup.sh"

# The cluster a `make test` starts is its own to stop; $RUN_DIR/test-pg.pid names that run, so
# that the cluster a hard-killed run (kill -9, no trap) left is stopped by the next one. Not
# when `make run` serves from it meanwhile: it then belongs to `make stop`.
TEST_PG_PID_FILE="$RUN_DIR/test-pg.pid"
# A killed run's shell can linger as a zombie (kill -0 still answers) or its pid be reused:
# it is alive only if the process still runs this script.
test_run_alive() {
    local state
    state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null)"
    [ -n "$state" ] && [ "$state" != Z ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'test\.sh'
}
pg_was_running=0
if embedded_pg && "$ROOT_DIR/scripts/pg.sh" status | grep -q running; then
    pg_was_running=1
    left_by="$(cat "$TEST_PG_PID_FILE" 2>/dev/null || true)"
    if [ -n "$left_by" ] && ! test_run_alive "$left_by" \
        && ! odoo_pid_from "$RUN_DIR/odoo.pid" >/dev/null; then
        say "PostgreSQL was left running by an interrupted 'make test' (pid $left_by): this run stops it"
        pg_was_running=0
    fi
fi
"$ROOT_DIR/scripts/pg.sh" start
if [ "$pg_was_running" = 0 ] && embedded_pg; then echo $$ >"$TEST_PG_PID_FILE"; fi

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
    if [ "$pg_was_running" = 0 ]; then
        "$ROOT_DIR/scripts/pg.sh" stop || true
        rm -f "$TEST_PG_PID_FILE"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Leftovers of an interrupted run.
drop_test_databases

# A misspelt module would be skipped by Odoo with a mere warning, after a minute of installing.
TEST_MODULES="${TEST_MODULES:-$SUITE_MODULES,$TEST_ONLY_MODULES}"
ADDONS_DIRS="$(addons_path),$ROOT_DIR/tests/addons"
in_addons_path() {
    local dir
    for dir in ${ADDONS_DIRS//,/ }; do [ -f "$dir/$1/__manifest__.py" ] && return 0; done
    return 1
}
for module in ${TEST_MODULES//,/ }; do
    in_addons_path "$module" || die "TEST_MODULES: no module named '$module' in the add-ons path
($ADDONS_DIRS)"
done

TEST_DB="${TEST_DB_PREFIX}_$$"
HTTP_PORT="${TEST_HTTP_PORT:-$("$VENV_DIR/bin/python" -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
CONF="$(render_config odoo.test "$TEST_DB")"
LOG="$RUN_DIR/test-install.log"

say "Installing the suite on $TEST_DB (log: $LOG)"
: >"$LOG"
"$(odoo_bin)" -c "$CONF" -d "$TEST_DB" -i "$TEST_MODULES" --stop-after-init --logfile "$LOG" \
    || { tail -n 40 "$LOG" >&2; die "installing the suite failed"; }
"$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"

say "Running the tests"
export CRM_SUITE_TEST_CONF="$CONF" CRM_SUITE_TEST_DB_PREFIX="$TEST_DB_PREFIX" \
    CRM_SUITE_MODULES="$SUITE_MODULES" CRM_SUITE_RUN_DIR="$RUN_DIR"
cd "$ROOT_DIR"
# shellcheck disable=SC2086
"$VENV_DIR/bin/pytest" --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http \
    ${PYTEST_ARGS:-} ${TEST_PATHS:-addons tests}
