"""Check that .pre-commit-config.yaml runs the same tools as scripts/lint.sh.

Usage: check_precommit.py   (exit 1 when a tool of lint.sh has no pre-commit hook with
the same arguments, or a hook runs a tool lint.sh does not)

Compared: each `"$VENV_DIR/bin/<tool>" <arguments> <paths> || status=1` line of lint.sh
against each hook `entry` calling `"${VENV_DIR:-.venv}/bin/<tool>" <arguments> "$@"`.
The paths differ (lint.sh names the tree, pre-commit passes the staged files) and so
does ruff's --force-exclude (needed when files are named on the command line).
"""

from pathlib import Path
import re
import shlex
import sys

ROOT = Path(__file__).resolve().parent.parent
LINT_TOOL = re.compile(r'^"\$VENV_DIR/bin/(?P<tool>ruff|pylint)" (?P<args>.*?) \|\|')
HOOK_TOOL = re.compile(
    r"""^\s*entry: bash -c '"\$\{VENV_DIR:-\.venv\}/bin/(?P<tool>\w+)" (?P<args>.*?)'"""
)
PATHS_AND_PRE_COMMIT_ONLY = {".", "addons/*", "$@", "--force-exclude"}


def commands(text, pattern):
    found = set()
    for line in text.splitlines():
        match = pattern.match(line)
        if match:
            args = [
                arg
                for arg in shlex.split(match["args"])
                if arg not in PATHS_AND_PRE_COMMIT_ONLY
            ]
            found.add(" ".join([match["tool"], *args]))
    return found


def main():
    lint = commands((ROOT / "scripts/lint.sh").read_text(), LINT_TOOL)
    hooks = commands((ROOT / ".pre-commit-config.yaml").read_text(), HOOK_TOOL)
    if not lint:
        print("scripts/lint.sh: no tool line found (has its format changed?)")
        return 1
    status = 0
    for command in sorted(lint - hooks):
        print(
            f".pre-commit-config.yaml: no hook runs `{command}` (scripts/lint.sh does)"
        )
        status = 1
    for command in sorted(hooks - lint):
        print(f".pre-commit-config.yaml: a hook runs `{command}`, lint.sh does not")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
