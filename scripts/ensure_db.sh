#!/usr/bin/env bash
# ensure_db.sh DB [demo|nodemo]: create DB with every suite module installed, or install
# the suite modules it still lacks. The install log must be clean.
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

TO_INSTALL="$(missing_modules)"
[ -z "$TO_INSTALL" ] && exit 0
args=(-c "$CONF" -d "$DB" -i "$TO_INSTALL" --stop-after-init --logfile "$LOG")
[ "$DEMO" = demo ] && args+=(--load-language=vi_VN,zh_CN) || args+=(--without-demo=all)
say "Installing $TO_INSTALL on database $DB (log: $LOG)"
: >"$LOG"
"$(odoo_bin)" "${args[@]}" || { tail -n 40 "$LOG" >&2; die "installation failed on $DB"; }
"$VENV_DIR/bin/python" "$ROOT_DIR/scripts/check_log.py" "$LOG"
