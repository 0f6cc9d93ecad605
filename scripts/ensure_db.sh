#!/usr/bin/env bash
# ensure_db.sh DB [demo|nodemo]: create DB with every suite module installed, install the
# suite modules it still lacks, and update them all when addons/ changed since the last
# time. The install log must be clean.
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

addons_hash() {
    (cd "$ROOT_DIR" && find addons -type f -not -path "*/__pycache__/*" -print0 \
        | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

HASH_FILE="$RUN_DIR/$DB.addons-hash"
TO_INSTALL="$(missing_modules)"
args=()
[ -n "$TO_INSTALL" ] && args+=(-i "$TO_INSTALL")
[ "$(cat "$HASH_FILE" 2>/dev/null)" != "$(addons_hash)" ] && args+=(-u "$SUITE_MODULES")
[ ${#args[@]} -eq 0 ] && exit 0
args+=(-c "$CONF" -d "$DB" --stop-after-init --logfile "$LOG")
[ "$DEMO" = demo ] && args+=(--load-language=vi_VN,zh_CN,en_US) || args+=(--without-demo=all)
say "Installing or updating the suite modules on database $DB (log: $LOG)"
: >"$LOG"
"$(odoo_bin)" "${args[@]}" || { tail -n 40 "$LOG" >&2; die "installation failed on $DB"; }
"$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"
addons_hash >"$HASH_FILE"
