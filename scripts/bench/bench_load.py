"""Many users at once: a bounded load test of a local `make run` (issue 19, point 5).

USERS virtual users (default 20), logged in as the demo salespeople and managers, each
on its own HTTP connection and session, for DURATION seconds (default 60), cycle
through what they do all day, with the web client's own JSON-RPC calls:

- rate search: the wizard saved (``web_save``) and its *Search* button
  (``call_button action_search``), air SGN -> PVG, 250 kg;
- customer list: ``web_search_read`` on res.partner with the list's columns, money
  figures included (receivable, overdue, revenue this year), 80 rows and the count;
- timeline: ``web_search_read`` on crm.customer.timeline for one customer, 80 rows;
- quotation save: ``web_save`` of the customer reference on a quotation of the user (one
  per virtual user, created by the administrator before the run and deleted after it).

Prints per action the count, errors, p50/p95/max in ms, and the throughput; exits 1 on
any error. Only 127.0.0.1 is accepted: this is no tool to load someone else's server.

    make run WORKERS=4 [REPLICA=1]
    HTTP_PORT=8069 DURATION=60 USERS=20 /path/to/python scripts/bench/bench_load.py

Standard library only. Variables: HOST (127.0.0.1), HTTP_PORT (8069), DB
(crm_suite_demo), DURATION, USERS, LOGINS (comma list, password = login), SEED, ADMIN
and ADMIN_PASSWORD (admin / admin: creates and deletes the quotations). No think time:
each virtual user sends its next request as soon as the last one answered, so the
figures are those of a server kept saturated.
"""

import http.client
import itertools
import json
import os
import random
import statistics
import sys
import threading
import time

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("HTTP_PORT", "8069"))
DB = os.environ.get("DB", "crm_suite_demo")
DURATION = float(os.environ.get("DURATION", "60"))
USERS = int(os.environ.get("USERS", "20"))
LOGINS = os.environ.get(
    "LOGINS", "lan.sales,tuan.sales,khoa.leader,phuong.branch,hung.manager"
).split(",")
SEED = int(os.environ.get("SEED", "19"))
ADMIN = os.environ.get("ADMIN", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
ORDER_REF = "bench_load"
ACTIONS = ("rate_search", "customer_list", "timeline", "quotation_save")

CUSTOMER_SPEC = {
    "customer_code": {},
    "complete_name": {},
    "customer_type": {},
    "user_id": {"fields": {"display_name": {}}},
    "last_interaction_date": {},
    "figures_currency_id": {"fields": {}},
    "receivable_amount": {},
    "overdue_amount": {},
    "revenue_this_year": {},
}
TIMELINE_SPEC = {
    "date": {},
    "partner_id": {"fields": {"display_name": {}}},
    "model_id": {"fields": {"display_name": {}}},
    "name": {},
    "user_id": {"fields": {"display_name": {}}},
}


class RpcError(Exception):
    pass


class Session:
    """One browser: a keep-alive connection and a session cookie."""

    def __init__(self, login, password=None):
        self.login = login
        self.password = password or login
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=120)
        self.cookie = None
        self.uid = None
        self.requests = 0

    def post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            self.connection.request("POST", path, body, headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            # a worker recycled between two requests closes the keep-alive connection
            self.connection.close()
            self.connection.request("POST", path, body, headers)
            response = self.connection.getresponse()
            data = response.read()
        self.requests += 1
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("session_id="):
                self.cookie = value.split(";", 1)[0]
        if response.status != 200:
            raise RpcError(f"HTTP {response.status} on {path}: {data[:200]!r}")
        payload = json.loads(data)
        if "error" in payload:
            error = payload["error"].get("data", {}).get("message") or payload["error"]
            raise RpcError(f"{path}: {error}")
        return payload["result"]

    def authenticate(self):
        result = self.post(
            "/web/session/authenticate",
            {"db": DB, "login": self.login, "password": self.password},
        )
        self.uid = result["uid"]
        return self

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "en_US"})
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def button(self, model, method, ids):
        return self.post(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": {"lang": "en_US"}},
            },
        )


def airport(session, iata_code):
    ids = session.call(
        "freight.location", "search", [("iata_code", "=", iata_code)], limit=1
    )
    if not ids:
        sys.exit(f"no airport {iata_code}: is the demo database {DB} served?")
    return ids[0]


class VirtualUser(threading.Thread):
    def __init__(self, number, login, lane, order_id, partner_id, clock, results):
        super().__init__(name=f"user-{number}-{login}")
        self.session = Session(login)
        self.lane = lane
        self.order_id = order_id
        self.partner_id = partner_id
        self.clock = clock
        self.results = results
        self.number = number
        start = random.Random(SEED + number).randrange(len(ACTIONS))
        self.actions = itertools.islice(itertools.cycle(ACTIONS), start, None)

    def rate_search(self):
        origin, destination = self.lane
        wizard = self.session.call(
            "freight.rate.search",
            "web_save",
            [],
            {
                "freight_mode": "air",
                "origin_location_id": origin,
                "destination_location_id": destination,
                "gross_weight": 250.0,
            },
            specification={"option_count": {}},
        )
        self.session.button("freight.rate.search", "action_search", [wizard[0]["id"]])

    def customer_list(self):
        self.session.call(
            "res.partner",
            "web_search_read",
            domain=[("customer_type", "!=", False)],
            specification=CUSTOMER_SPEC,
            limit=80,
            count_limit=10001,
        )

    def timeline(self):
        self.session.call(
            "crm.customer.timeline",
            "web_search_read",
            domain=[("partner_id", "=", self.partner_id)],
            specification=TIMELINE_SPEC,
            limit=80,
            count_limit=10001,
        )

    def quotation_save(self):
        self.session.call(
            "sale.order",
            "web_save",
            [self.order_id],
            {"client_order_ref": f"{ORDER_REF}-{self.number}-{time.monotonic_ns()}"},
            specification={"client_order_ref": {}},
        )

    def run(self):
        self.session.authenticate()
        # every user logged in before the clock starts
        self.clock["barrier"].wait()
        for action in self.actions:
            if time.monotonic() >= self.clock["deadline"]:
                break
            started = time.perf_counter()
            try:
                getattr(self, action)()
                error = None
            except (RpcError, OSError, http.client.HTTPException, ValueError) as exc:
                error = str(exc)[:300]
            self.results.append((action, (time.perf_counter() - started) * 1000, error))


def percentile(values, share):
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]


def prepare(admin):
    """The lane; per virtual user a quotation of its own, created by the administrator
    for one of the user's customers with the user as salesperson (no two virtual users
    save the same order: real users do not, and two saves of one order at once make
    PostgreSQL refuse one, which Odoo then retries); per login a customer of theirs
    with a timeline. Nothing here is timed; the quotations are deleted at the end."""
    lane = (airport(admin, "SGN"), airport(admin, "PVG"))
    per_login = {}
    for login in LOGINS:
        session = Session(login).authenticate()
        entries = session.call(
            "crm.customer.timeline",
            "search_read",
            [("partner_id", "!=", False)],
            fields=["partner_id"],
            limit=1,
        )
        customers = session.call(
            "res.partner",
            "search",
            [("customer_type", "=", "customer"), ("is_company", "=", True)],
            limit=1,
        )
        if not entries or not customers:
            sys.exit(f"{login} reads no customer or no customer timeline in {DB}")
        per_login[login] = (session.uid, customers[0], entries[0]["partner_id"][0])
    order_ids = admin.call(
        "sale.order",
        "create",
        [
            {
                "partner_id": per_login[LOGINS[number % len(LOGINS)]][1],
                "user_id": per_login[LOGINS[number % len(LOGINS)]][0],
                "client_order_ref": f"{ORDER_REF}-{number}",
            }
            for number in range(USERS)
        ],
    )
    return lane, per_login, order_ids


def delete_orders(admin):
    """The quotations of this benchmark (also those a killed run left)."""
    ids = admin.call(
        "sale.order",
        "search",
        [("client_order_ref", "=like", f"{ORDER_REF}%"), ("state", "=", "draft")],
    )
    if ids:
        admin.call("sale.order", "unlink", ids)


def main():
    if HOST != "127.0.0.1":
        sys.exit(f"HOST={HOST}: this load test runs against 127.0.0.1 only")
    admin = Session(ADMIN, ADMIN_PASSWORD).authenticate()
    delete_orders(admin)
    try:
        return run(admin, *prepare(admin))
    finally:
        delete_orders(admin)


def run(admin, lane, per_login, order_ids):
    results = []
    clock = {}

    def start_clock():
        clock["started"] = time.monotonic()
        clock["deadline"] = clock["started"] + DURATION

    clock["barrier"] = threading.Barrier(USERS, action=start_clock)
    users = []
    for number in range(USERS):
        login = LOGINS[number % len(LOGINS)]
        partner_id = per_login[login][2]
        users.append(
            VirtualUser(
                number, login, lane, order_ids[number], partner_id, clock, results
            )
        )
    load_before = os.getloadavg()[0]
    for user in users:
        user.start()
    for user in users:
        user.join()
    elapsed = time.monotonic() - clock["started"]
    # the logins came before the clock started
    requests = sum(user.session.requests for user in users) - USERS
    errors = [row for row in results if row[2]]

    print(
        f"{USERS} users ({', '.join(LOGINS)}) for {DURATION:.0f} s against "
        f"http://{HOST}:{PORT} ({DB})"
    )
    header = ("count", "errors", "p50 ms", "p95 ms", "max ms")
    print(f"{'action':<16}" + "".join(f"{name:>9}" for name in header))
    for action in ACTIONS:
        times = sorted(
            ms for name, ms, error in results if name == action and not error
        )
        failed = sum(1 for name, _ms, error in results if name == action and error)
        print(
            f"{action:<16}{len(times) + failed:>9}{failed:>9}"
            f"{percentile(times, 50):>9.0f}{percentile(times, 95):>9.0f}"
            f"{(times[-1] if times else 0):>9.0f}"
        )
    print(
        f"throughput: {len(results) / elapsed:.1f} actions/s, "
        f"{requests / elapsed:.1f} HTTP requests/s, "
        f"{len(errors)} errors in {len(results)} actions"
    )
    print(
        f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after (other programs included)"
    )
    for action, _ms, error in errors[:5]:
        print(f"  {action}: {error}", file=sys.stderr)
    return 1 if errors or not results else 0


if __name__ == "__main__":
    sys.exit(main())
