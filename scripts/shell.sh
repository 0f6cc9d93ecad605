#!/usr/bin/env bash
# An Odoo shell on the demo database, where `make run` put it (.run/state).
USE_RUN_STATE=1
source "$(dirname "$0")/lib.sh"

"$ROOT_DIR/scripts/setup.sh"
"$ROOT_DIR/scripts/pg.sh" start
"$ROOT_DIR/scripts/ensure_db.sh" "$DEMO_DB" demo
CONF="$(render_config odoo.dev "$DEMO_DB")"
exec "$(odoo_bin)" shell -c "$CONF" -d "$DEMO_DB" --logfile= --no-http
