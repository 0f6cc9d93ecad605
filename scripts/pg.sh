#!/usr/bin/env bash
# The project's own PostgreSQL cluster: pg.sh start|stop|status. No-op for an external server.
source "$(dirname "$0")/lib.sh"

PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgresql.log"
# REPLICA=1: a streaming standby of this cluster (Odoo's db_replica_host), rebuilt from it
# by each start, so that it never waits for WAL the primary has recycled meanwhile.
REPLICA_DATA="$PG_DIR/replica"
REPLICA_LOG="$PG_DIR/replica.log"

pg_running() {
    [ -f "$PG_DATA/postmaster.pid" ] && as_pg_owner "$BINDIR/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

prepare_dir() {
    mkdir -p "$PG_DIR"
    if is_root; then
        # postgres refuses to run as root: the cluster belongs to an unprivileged account,
        # which must be able to reach the folder.
        id "$(pg_owner)" >/dev/null 2>&1 || die "user $(pg_owner) does not exist (set PG_OWNER)"
        chown "$(pg_owner)" "$PG_DIR"
        runuser -u "$(pg_owner)" -- test -w "$PG_DIR" || die "user $(pg_owner) cannot write to $PG_DIR;
set PG_DIR to a folder it can reach (its parents must be searchable)"
    fi
    chmod 700 "$PG_DIR"
}

start() {
    if pg_running; then
        say "PostgreSQL already running (socket in $PG_DIR, port $PG_PORT)"
        return
    fi
    prepare_dir
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        say "Creating PostgreSQL cluster in $PG_DATA"
        as_pg_owner "$BINDIR/initdb" -D "$PG_DATA" -U odoo --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { tail -n 30 "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    say "Starting PostgreSQL (socket in $PG_DIR, port $PG_PORT)"
    # Unix socket only: no TCP listener, so no clash with any other cluster on this machine.
    if ! as_pg_owner "$BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
        -o "-k '$PG_DIR' -p $PG_PORT -c listen_addresses='' -c fsync=off" >/dev/null; then
        echo "--- last lines of $PG_LOG ---" >&2
        tail -n 30 "$PG_LOG" >&2
        die "PostgreSQL failed to start"
    fi
}

replica_running() {
    [ -f "$REPLICA_DATA/postmaster.pid" ] \
        && as_pg_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" status >/dev/null 2>&1
}

start_replica() {
    if replica_running; then
        say "PostgreSQL standby already running (socket in $PG_DIR, port $REPLICA_PORT)"
        return
    fi
    say "Copying the cluster into a streaming standby ($REPLICA_DATA)"
    rm -rf "$REPLICA_DATA"
    # -R: standby.signal and primary_conninfo (this socket, the primary's port); the
    # initdb's pg_hba trusts local replication connections of the cluster's superuser
    as_pg_owner "$BINDIR/pg_basebackup" -h "$PG_DIR" -p "$PG_PORT" -U odoo \
        -D "$REPLICA_DATA" -R -X stream -c fast >"$PG_DIR/basebackup.log" 2>&1 \
        || { tail -n 30 "$PG_DIR/basebackup.log" >&2; die "pg_basebackup failed"; }
    say "Starting the PostgreSQL standby (socket in $PG_DIR, port $REPLICA_PORT)"
    if ! as_pg_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_LOG" -w -t 60 start \
        -o "-k '$PG_DIR' -p $REPLICA_PORT -c listen_addresses='' -c fsync=off -c hot_standby=on" \
        >/dev/null; then
        echo "--- last lines of $REPLICA_LOG ---" >&2
        tail -n 30 "$REPLICA_LOG" >&2
        die "the PostgreSQL standby failed to start"
    fi
}

stop() {
    # the standby first: stopped after its primary, it would retry to connect meanwhile
    if replica_running; then
        say "Stopping the PostgreSQL standby"
        as_pg_owner "$BINDIR/pg_ctl" -D "$REPLICA_DATA" -m fast -w stop >/dev/null
    fi
    if pg_running; then
        say "Stopping PostgreSQL"
        as_pg_owner "$BINDIR/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
}

status() {
    if pg_running; then echo "PostgreSQL running (socket in $PG_DIR, port $PG_PORT)"; else echo "PostgreSQL stopped"; fi
    if replica_running; then echo "PostgreSQL standby running (socket in $PG_DIR, port $REPLICA_PORT)"; fi
}

if ! embedded_pg; then
    [ "$REPLICA" = 1 ] && [ "${1:-}" = start ] && die "REPLICA=1 starts a standby of the embedded cluster only;
with DB_HOST, set db_replica_host in your own odoo.conf (config/odoo.production.conf.example)"
    [ "${1:-}" = status ] && echo "External PostgreSQL at $DB_HOST:${DB_PORT:-5432}"
    exit 0
fi
BINDIR="$(pg_bindir)"
[ -n "$BINDIR" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found; run 'make setup'"
case "${1:-}" in
start)
    start
    if [ "$REPLICA" = 1 ]; then start_replica; fi
    ;;
stop) stop ;;
status) status ;;
*) die "usage: $0 start|stop|status" ;;
esac
