#!/usr/bin/env bash
# Serve the web client on the demo database, with every suite module installed and demo data.
source "$(dirname "$0")/lib.sh"

PID_FILE="$RUN_DIR/odoo.pid"
LOG_FILE="$RUN_DIR/odoo.log"

if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    say "Odoo is already running (pid $(cat "$PID_FILE")) at http://127.0.0.1:$HTTP_PORT; 'make stop' stops it"
    exit 0
fi

"$ROOT_DIR/scripts/setup.sh"
if "$VENV_DIR/bin/python" "$ROOT_DIR/scripts/port_in_use.py" "$HTTP_PORT"; then
    die "port $HTTP_PORT is already in use by another program.
Choose another port, e.g.: make run HTTP_PORT=8070"
fi
"$ROOT_DIR/scripts/pg.sh" start
"$ROOT_DIR/scripts/ensure_db.sh" "$DEMO_DB" demo
CONF="$(render_config odoo.dev "$DEMO_DB")"

say "Starting Odoo at http://127.0.0.1:$HTTP_PORT (database $DEMO_DB, login admin / admin)"
: >"$LOG_FILE"
nohup "$(odoo_bin)" -c "$CONF" >>"$LOG_FILE" 2>&1 &
echo $! >"$PID_FILE"
for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        tail -n 30 "$LOG_FILE" >&2
        rm -f "$PID_FILE"
        die "Odoo stopped during start-up (log: $LOG_FILE)"
    fi
    if "$VENV_DIR/bin/python" "$ROOT_DIR/scripts/port_in_use.py" "$HTTP_PORT" /web/login; then
        say "Odoo is up: http://127.0.0.1:$HTTP_PORT (log: $LOG_FILE; 'make stop' stops it)"
        exit 0
    fi
    sleep 1
done
tail -n 30 "$LOG_FILE" >&2
die "Odoo did not answer on port $HTTP_PORT within 120 s (log: $LOG_FILE)"
