"""follow_install.py LOG -- COMMAND...: run COMMAND (an odoo that logs into LOG) and
show its progress on stderr while it runs: each module as Odoo loads it to install or
update it, and every HEARTBEAT seconds without one, the step it is on. Exits with
COMMAND's status."""

import os
import re
import subprocess
import sys
import time

MODULE = re.compile(r"odoo\.modules\.loading: Loading module (\S+) \((\d+)/(\d+)\)")
# "2026-12-02 02:13:32,737 2916 INFO db logger: message": the message, for a heartbeat.
MESSAGE = re.compile(r"^\S+ \S+ \d+ [A-Z]+ \S+ \S+: (.*)$")
HEARTBEAT = float(os.environ.get("FOLLOW_INSTALL_HEARTBEAT", "20"))


def show(text):
    print(f"    {text}", file=sys.stderr, flush=True)


class LogFollower:
    def __init__(self, path):
        self.path = path
        # only what this command logs: earlier steps may have logged into the same file
        self.offset = os.path.getsize(path) if os.path.exists(path) else 0
        self.pending = ""
        self.last_message = ""

    def new_lines(self):
        try:
            with open(self.path, encoding="utf-8", errors="replace") as log:
                log.seek(0, os.SEEK_END)
                if log.tell() < self.offset:  # emptied by the caller: start again
                    self.offset, self.pending = 0, ""
                log.seek(self.offset)
                chunk = log.read()
                self.offset = log.tell()
        except FileNotFoundError:
            return []
        *lines, self.pending = (self.pending + chunk).split("\n")
        return lines

    def report(self):
        """Show the new module lines; return whether there was one."""
        shown = False
        for line in self.new_lines():
            if module := MODULE.search(line):
                name, index, count = module.groups()
                show(f"[{index}/{count}] {name}")
                shown = True
            elif message := MESSAGE.match(line):
                self.last_message = message.group(1)[:100]
        return shown


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        sys.exit(__doc__)
    follower = LogFollower(argv[1])
    process = subprocess.Popen(argv[3:])
    quiet_since = time.monotonic()
    try:
        while process.poll() is None:
            time.sleep(1)
            if follower.report():
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= HEARTBEAT:
                show(f"… still working: {follower.last_message or 'starting'}")
                quiet_since = time.monotonic()
    except KeyboardInterrupt:  # Ctrl-C reached odoo as well: let it stop
        process.wait()
    follower.report()
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
