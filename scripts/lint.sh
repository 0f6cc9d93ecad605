#!/usr/bin/env bash
# ruff (lint and format check) on the whole repository, pylint-odoo on the addons;
# .pre-commit-config.yaml runs the same tools on the files of a commit.
source "$(dirname "$0")/lib.sh"

"$ROOT_DIR/scripts/setup.sh" >/dev/null
cd "$ROOT_DIR"
status=0
say "ruff check"
"$VENV_DIR/bin/ruff" check . || status=1
say "ruff format --check"
"$VENV_DIR/bin/ruff" format --check . || status=1
say "pylint-odoo"
"$VENV_DIR/bin/pylint" --rcfile=.pylintrc addons/* || status=1
say "no Python file over 500 lines (house style)"
long_files="$(git ls-files --cached --others --exclude-standard '*.py' | xargs wc -l | awk '$2 != "total" && $1 > 500')"
[ -n "$long_files" ] && { echo "$long_files"; status=1; }
say "pre-commit runs the same tools (.pre-commit-config.yaml)"
"$VENV_DIR/bin/python" scripts/check_precommit.py || status=1
say "README.rst up to date"
"$VENV_DIR/bin/python" scripts/gen_readme.py --check || status=1
say "translations complete (vi, zh_CN)"
"$VENV_DIR/bin/python" scripts/i18n.py check || status=1
[ "$status" = 0 ] && say "Lint clean"
exit "$status"
