#!/usr/bin/env bash
# Stop, then delete what the commands created: the run folder (databases, filestore, logs),
# the cluster's folder and the clone's virtualenv, where `make run` put them (.run/state).
USE_RUN_STATE=1
source "$(dirname "$0")/lib.sh"

"$ROOT_DIR/scripts/stop.sh"

remove() {
    [ -e "$1" ] || return 0
    say "Deleting $1"
    rm -rf "$1"
}

# A folder someone pointed PG_DIR at holds a cluster, or nothing: anything else is left.
if embedded_pg && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/PG_VERSION" ] || [ -z "$(ls -A "$PG_DIR")" ]; then
        remove "$PG_DIR"
    else
        warn "kept $PG_DIR: it holds no PostgreSQL cluster of the suite"
    fi
fi
# Likewise a RUN_DIR holds what the commands wrote there, or nothing.
suite_wrote() {
    local name
    [ -z "$(ls -A "$1")" ] && return 0
    for name in odoo_src odoo.log odoo.pid filestore pg; do [ -e "$1/$name" ] && return 0; done
    return 1
}
if [ -d "$RUN_DIR" ]; then
    if suite_wrote "$RUN_DIR"; then
        remove "$RUN_DIR"
    else
        warn "kept $RUN_DIR: it holds nothing the suite wrote"
    fi
fi
remove "$ROOT_DIR/.run"
remove "$ROOT_DIR/.venv"
# A virtualenv outside the clone may serve other clones (VENV_DIR=/shared/.venv).
case "$VENV_DIR" in
"$ROOT_DIR"/* | "$RUN_DIR"/*) remove "$VENV_DIR" ;;
*) [ -d "$VENV_DIR" ] && say "Kept the virtualenv $VENV_DIR (outside the clone; other clones may use it)" ;;
esac
exit 0
