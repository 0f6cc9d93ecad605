#!/usr/bin/env bash
# serve.sh CONF [PORT]: start Odoo with CONF in the background, its pid in $RUN_DIR/odoo.pid
# and its output in $RUN_DIR/odoo.log, and wait until /web/login answers on PORT
# (default HTTP_PORT); remembers where it runs in the clone's .run/state. Used by `make run`;
# the suite's tests start a server the same way, from a copy of the commands (tests/conftest.py).
source "$(dirname "$0")/lib.sh"

CONF="$1"
PORT="${2:-$HTTP_PORT}"
PID_FILE="$RUN_DIR/odoo.pid"
LOG_FILE="$RUN_DIR/odoo.log"

# Odoo restarts itself (SIGHUP, time or memory limit reached) by executing
# `python3 <argv>` again: argv[0] is then a bare name, which Python resolves through
# PATH to find its prefix. Without the virtualenv first in PATH the new process is
# the system Python, without Odoo: "No module named 'odoo'", and the server is gone.
export PATH="$VENV_DIR/bin:$PATH"
mkdir -p "$RUN_DIR"
: >"$LOG_FILE"
nohup "$(odoo_bin)" -c "$CONF" --http-port "$PORT" >>"$LOG_FILE" 2>&1 &
echo $! >"$PID_FILE"
# `make stop`, `make logs` and a second `make run` find this server whatever their variables.
HTTP_PORT="$PORT" remember_run_state
for _ in $(seq 1 120); do
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        tail -n 30 "$LOG_FILE" >&2
        rm -f "$PID_FILE"
        die "Odoo stopped during start-up (log: $LOG_FILE)"
    fi
    if "$VENV_DIR/bin/python" "$ROOT_DIR/scripts/port_in_use.py" "$PORT" /web/login; then
        exit 0
    fi
    sleep 1
done
tail -n 30 "$LOG_FILE" >&2
die "Odoo did not answer on port $PORT within 120 s (log: $LOG_FILE)"
