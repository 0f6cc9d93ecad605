#!/usr/bin/env bash
# Find the Odoo 18.0 source: ODOO_SRC, else the cache folder, else download the nightly archive
# into the cache. Records the path in .run/odoo_src; stops with a clear message when none is found.
source "$(dirname "$0")/lib.sh"

# A source tree in the git layout (odoo-bin, odoo/, addons/) or the nightly one (odoo/addons only).
is_odoo_18_source() {
    local dir="$1"
    [ -f "$dir/setup.py" ] && [ -f "$dir/odoo/release.py" ] && [ -d "$dir/odoo/addons/base" ] \
        && grep -q "^version_info = (18, 0" "$dir/odoo/release.py"
}

download_nightly() {
    local archive
    mkdir -p "$ODOO_CACHE"
    archive="$(mktemp "${TMPDIR:-/tmp}/odoo-18.0-XXXXXX.tar.gz")"
    say "Downloading Odoo 18.0 source from $ODOO_NIGHTLY_URL"
    if ! "$PYTHON" - "$ODOO_NIGHTLY_URL" "$archive" <<'PY' 2>/dev/null; then
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as response, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(response, out)
PY
        rm -f "$archive"
        return 1
    fi
    tar -xzf "$archive" -C "$ODOO_CACHE" --strip-components=1 || { rm -f "$archive"; return 1; }
    rm -f "$archive"
}

resolve_odoo_source() {
    local src
    if [ -n "${ODOO_SRC:-}" ]; then
        is_odoo_18_source "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree
(expected setup.py and odoo/release.py with version 18.0)."
        src="$ODOO_SRC"
    elif is_odoo_18_source "$ODOO_CACHE"; then
        src="$ODOO_CACHE"
    elif download_nightly && is_odoo_18_source "$ODOO_CACHE"; then
        src="$ODOO_CACHE"
    else
        die "no Odoo 18.0 source found, and it could not be downloaded from
    $ODOO_NIGHTLY_URL
Provide it in one of these ways, then run the command again:
  - set ODOO_SRC to an Odoo 18.0 source tree (git checkout or unpacked nightly archive), or
  - unpack Odoo 18.0's source into the cache folder $ODOO_CACHE"
    fi
    mkdir -p "$RUN_DIR"
    src="$(cd "$src" && pwd)"
    echo "$src" >"$RUN_DIR/odoo_src"
    say "Odoo 18.0 source: $src"
}

resolve_odoo_source
