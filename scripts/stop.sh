#!/usr/bin/env bash
# Stop what `make run` and `make test` started: the Odoo server and the embedded PostgreSQL,
# where `make run` put them (.run/state) unless RUN_DIR / PG_DIR say otherwise.
USE_RUN_STATE=1
source "$(dirname "$0")/lib.sh"

PID_FILE="$RUN_DIR/odoo.pid"
if pid="$(odoo_pid_from "$PID_FILE")"; then
    say "Stopping Odoo (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$PID_FILE"
"$ROOT_DIR/scripts/pg.sh" stop
