#!/usr/bin/env bash
# Idempotent set-up: system packages, Odoo 18.0 source, project virtualenv.
source "$(dirname "$0")/lib.sh"

# fonts-noto-cjk: Chinese names and labels in the browser and in printed PDFs
SYSTEM_PACKAGES=(libpq-dev libldap2-dev libsasl2-dev postgresql-client chromium wkhtmltopdf
    fonts-noto-cjk)
embedded_pg && SYSTEM_PACKAGES+=(postgresql)

ensure_system_packages() {
    local missing=() pkg
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return
    if ! is_root; then
        die "missing system packages; install them with:
    sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    say "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}"; } \
        || die "could not install system packages: ${missing[*]}"
}

ensure_virtualenv() {
    local src stamp wanted
    src="$(cat "$RUN_DIR/odoo_src")"
    [ -x "$VENV_DIR/bin/python" ] || {
        say "Creating virtualenv $VENV_DIR"
        "$PYTHON" -m venv "$VENV_DIR"
    }
    stamp="$VENV_DIR/.crm_suite_stamp"
    wanted="$(cat "$src/requirements.txt" "$ROOT_DIR/requirements.txt" \
        "$ROOT_DIR/requirements-dev.txt" "$0" | sha256sum | cut -d' ' -f1) $src"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return
    fi
    local pip=("$VENV_DIR/bin/pip" install --disable-pip-version-check -q)
    say "Installing Odoo's Python requirements"
    # cbor2 5.4.2 has no usable wheel for Python 3.11 and its sdist needs pkg_resources.
    sed -e 's/^cbor2==5\.4\.2 /cbor2==5.4.6 /' "$src/requirements.txt" >"$RUN_DIR/odoo-requirements.txt"
    "${pip[@]}" "setuptools>=70,<81" wheel
    "${pip[@]}" -r "$RUN_DIR/odoo-requirements.txt"
    say "Installing Odoo 18.0 into the virtualenv as the distribution 'odoo'"
    # compat mode: the default editable finder lets site-packages/odoo (OCA wheels) shadow Odoo.
    "${pip[@]}" --no-deps --no-build-isolation --use-pep517 -e "$src" --config-settings editable_mode=compat
    say "Installing the suite's requirements"
    "${pip[@]}" -r "$ROOT_DIR/requirements.txt" -r "$ROOT_DIR/requirements-dev.txt"
    "$VENV_DIR/bin/python" - "$src" <<'PY'
import os, sys
import odoo, odoo.addons
src = os.path.realpath(sys.argv[1])
paths = [os.path.realpath(p) for p in odoo.addons.__path__]
if not os.path.realpath(odoo.__file__).startswith(src):
    sys.exit(f"odoo is imported from {odoo.__file__}, not from {src}")
if not any(p.startswith(src) for p in paths):
    sys.exit(f"odoo.addons does not include {src}: {paths}")
PY
    echo "$wanted" >"$stamp"
}

ensure_system_packages
"$ROOT_DIR/scripts/odoo_source.sh"
ensure_virtualenv
say "Setup complete"
