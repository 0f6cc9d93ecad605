#!/usr/bin/env bash
# ensure_db.sh DB [demo|nodemo]: create DB with every suite module installed, install the
# suite modules it still lacks, and update them all when addons/ changed since the last
# time. The install log must be clean. A demo database is a Ho Chi Minh City forwarder on
# Odoo's Vietnamese localisation (scripts/demo_vietnam.py): the modules do not depend on it.
source "$(dirname "$0")/lib.sh"

DB="$1"
DEMO="${2:-demo}"
CONF="$(render_config odoo.dev "$DB")"
LOG="$RUN_DIR/install-$DB.log"

missing_modules() {
    local installed module missing=()
    installed="$(psql_suite -d "$DB" -tAc \
        "SELECT name FROM ir_module_module WHERE state = 'installed'" 2>/dev/null || true)"
    for module in ${SUITE_MODULES//,/ }; do
        grep -qx "$module" <<<"$installed" || missing+=("$module")
    done
    local IFS=,
    echo "${missing[*]}"
}

# Run odoo with ARGS, logging into $LOG, and show its progress meanwhile (a first demo
# install takes minutes).
odoo_logged() {
    "$VENV_DIR/bin/python" "$ROOT_DIR/scripts/follow_install.py" "$LOG" -- \
        "$(odoo_bin)" "$@" --logfile "$LOG"
}

# Run one step of scripts/demo_vietnam.py on the demo database, logging into $LOG.
demo_step() {
    say "Vietnamese demo: the $1 step (scripts/demo_vietnam.py)"
    DEMO_STEP="$1" odoo_logged shell -c "$CONF" -d "$DB" --no-http \
        <"$ROOT_DIR/scripts/demo_vietnam.py" \
        || { tail -n 40 "$LOG" >&2; die "the Vietnamese demo step '$1' failed on $DB"; }
}

database_exists() {
    [ -n "$(psql_suite -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]
}

HASH_FILE="$RUN_DIR/$DB.addons-hash"
LANGS=vi_VN,zh_CN,en_US
if [ "$DEMO" = demo ] && ! database_exists; then
    # The company's country must be Vietnam before account is installed: account then
    # loads l10n_vn's chart on the company. Installed before the suite, so that the
    # suite's demo invoices find the company's journals.
    say "Creating the demo database $DB: a Ho Chi Minh City company (log: $LOG)"
    : >"$LOG"
    odoo_logged -c "$CONF" -d "$DB" --workers=0 -i base --load-language="$LANGS" --stop-after-init \
        || { tail -n 40 "$LOG" >&2; die "creating $DB failed"; }
    demo_step company
    say "Installing Vietnam's accounting (l10n_vn) on $DB"
    odoo_logged -c "$CONF" -d "$DB" --workers=0 -i l10n_vn --load-language="$LANGS" --stop-after-init \
        || { tail -n 40 "$LOG" >&2; die "installing l10n_vn failed on $DB"; }
    "$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"
fi
TO_INSTALL="$(missing_modules)"
args=()
[ -n "$TO_INSTALL" ] && args+=(-i "$TO_INSTALL")
[ "$(cat "$HASH_FILE" 2>/dev/null)" != "$(addons_hash)" ] && args+=(-u "$SUITE_MODULES")
[ ${#args[@]} -eq 0 ] && exit 0
# one process, whatever the server's WORKERS: a multi-process server would bind the HTTP port
args+=(-c "$CONF" -d "$DB" --workers=0 --stop-after-init)
[ "$DEMO" = demo ] && args+=(--load-language="$LANGS") || args+=(--without-demo=all)
say "Installing or updating the suite modules on database $DB (log: $LOG)"
: >"$LOG"
odoo_logged "${args[@]}" || { tail -n 40 "$LOG" >&2; die "installation failed on $DB"; }
if [ "$DEMO" = demo ]; then demo_step suite; fi
"$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"
addons_hash >"$HASH_FILE"
