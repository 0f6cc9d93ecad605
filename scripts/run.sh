#!/usr/bin/env bash
# Serve the web client on the demo database, with every suite module installed and demo data.
source "$(dirname "$0")/lib.sh"

# One server per clone: the one a previous `make run` started may live in another RUN_DIR.
for pid_file in "$(state_value RUN_DIR)/odoo.pid" "$RUN_DIR/odoo.pid"; do
    [ "$pid_file" = /odoo.pid ] && continue
    pid="$(odoo_pid_from "$pid_file")" || continue
    port="$(odoo_pid_port "$pid")"
    port="${port:-$(state_value HTTP_PORT)}"
    url="http://127.0.0.1:$port"
    if [ -n "$HTTP_PORT_GIVEN" ] && [ "$HTTP_PORT" != "$port" ]; then
        die "Odoo from this clone already runs at $url (pid $pid), not on port $HTTP_PORT.
Open $url, or move it: make stop && make run HTTP_PORT=$HTTP_PORT"
    fi
    say "Odoo is already running (pid $pid) at $url; 'make stop' stops it"
    exit 0
done

[[ "$WORKERS" =~ ^[0-9]+$ ]] || die "WORKERS must be a number of worker processes (0: threaded), not '$WORKERS'"
[[ "$REPLICA" =~ ^[01]$ ]] || die "REPLICA must be 1 (start a read replica) or 0, not '$REPLICA'"

# Before any set-up work: a busy port is found in a second, not after minutes of installing.
if "$PYTHON" "$ROOT_DIR/scripts/port_in_use.py" "$HTTP_PORT"; then
    die "port $HTTP_PORT is already in use by another program.
Choose another port, e.g.: make run HTTP_PORT=$(free_port_after "$HTTP_PORT")"
fi
if [ "$WORKERS" -gt 0 ] && "$PYTHON" "$ROOT_DIR/scripts/port_in_use.py" "$GEVENT_PORT"; then
    die "port $GEVENT_PORT (the websocket's, GEVENT_PORT) is already in use by another program.
Choose another port, e.g.: make run WORKERS=$WORKERS GEVENT_PORT=$(free_port_after "$GEVENT_PORT")"
fi

"$ROOT_DIR/scripts/setup.sh"
remember_run_state
# From here `make stop` owns the cluster, even one an interrupted `make test` left.
rm -f "$RUN_DIR/test-pg.pid"
"$ROOT_DIR/scripts/pg.sh" start
"$ROOT_DIR/scripts/ensure_db.sh" "$DEMO_DB" demo
CONF="$(render_config odoo.dev "$DEMO_DB")"

mode="threaded"
[ "$WORKERS" -gt 0 ] && mode="$WORKERS workers, websocket on port $GEVENT_PORT"
[ "$REPLICA" = 1 ] && mode="$mode, read-only requests on the standby (port $REPLICA_PORT)"
say "Starting Odoo at http://127.0.0.1:$HTTP_PORT (database $DEMO_DB, login admin / admin; $mode)"
"$ROOT_DIR/scripts/serve.sh" "$CONF" "$HTTP_PORT"
say "Odoo is up: http://127.0.0.1:$HTTP_PORT (log: $RUN_DIR/odoo.log; 'make stop' stops it)"
