"""Fail when an Odoo log holds WARNING, ERROR or CRITICAL lines that are not allowed.

Usage: check_log.py LOGFILE [LOGFILE...]

As in OCA's CI, installing or uninstalling the suite must log no warnings. The
allow-list below covers warnings about the environment, never about a module.
"""

import re
import sys

PROBLEM = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) "
)
ALLOWED = [
    # CI runs as root; the embedded PostgreSQL cluster still runs unprivileged.
    re.compile(r"Running as user 'root' is a security risk"),
]


def problems(path):
    with open(path, encoding="utf-8", errors="replace") as log:
        lines = log.read().splitlines()
    found = []
    for number, line in enumerate(lines):
        if PROBLEM.match(line) and not any(rule.search(line) for rule in ALLOWED):
            # Keep the traceback or details that follow the line.
            details = []
            for following in lines[number + 1 : number + 15]:
                if re.match(r"^\d{4}-\d\d-\d\d ", following):
                    break
                details.append(following)
            found.append("\n".join([line, *details]))
    return found


def main(paths):
    failed = False
    for path in paths:
        for problem in problems(path):
            failed = True
            print(f"{path}: {problem}", file=sys.stderr)
    if failed:
        print(
            "The log above must be clean: fix the warnings or errors.", file=sys.stderr
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
