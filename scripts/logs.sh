#!/usr/bin/env bash
# Follow the log of the server `make run` started, wherever its RUN_DIR is.
USE_RUN_STATE=1
source "$(dirname "$0")/lib.sh"

LOG_FILE="$RUN_DIR/odoo.log"
[ -f "$LOG_FILE" ] || warn "no server log yet: 'make run' writes $LOG_FILE; waiting for it"
say "Following $LOG_FILE (Ctrl-C stops)"
exec tail -F "$LOG_FILE" 2>/dev/null
