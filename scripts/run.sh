#!/usr/bin/env bash
# Serve the web client on the demo database, with every suite module installed and demo data.
source "$(dirname "$0")/lib.sh"

PID_FILE="$RUN_DIR/odoo.pid"

if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    say "Odoo is already running (pid $(cat "$PID_FILE")) at http://127.0.0.1:$HTTP_PORT; 'make stop' stops it"
    exit 0
fi

# Before any set-up work: a busy port is found in a second, not after minutes of installing.
if "$PYTHON" "$ROOT_DIR/scripts/port_in_use.py" "$HTTP_PORT"; then
    die "port $HTTP_PORT is already in use by another program.
Choose another port, e.g.: make run HTTP_PORT=$(free_port_after "$HTTP_PORT")"
fi

"$ROOT_DIR/scripts/setup.sh"
"$ROOT_DIR/scripts/pg.sh" start
"$ROOT_DIR/scripts/ensure_db.sh" "$DEMO_DB" demo
CONF="$(render_config odoo.dev "$DEMO_DB")"

say "Starting Odoo at http://127.0.0.1:$HTTP_PORT (database $DEMO_DB, login admin / admin)"
"$ROOT_DIR/scripts/serve.sh" "$CONF" "$HTTP_PORT"
say "Odoo is up: http://127.0.0.1:$HTTP_PORT (log: $RUN_DIR/odoo.log; 'make stop' stops it)"
