"""Screenshot a page of the running server as a logged-in user, in headless Chromium.

Usage: screenshot.py URL_PATH OUTPUT.png [--login admin --password admin --port 8069]
       screenshot.py --all [--only NAME]   (the screenshots listed in screenshots.json)
Used to refresh the module READMEs' screenshots (`make run` must be up).

In URL paths, `{module.xml_id}` stands for that demo record's id. In the manifest each
entry names its file, path, the demo user who takes it (password = login), its language
and the CSS selectors clicked, in order, once the page is loaded (a tab, a button).
"""

import argparse
import base64
import json
from pathlib import Path
import re
import subprocess
import tempfile
import time
import urllib.request

import websocket


def authenticate(base_url, db, login, password):
    request = urllib.request.Request(
        f"{base_url}/web/session/authenticate",
        data=json.dumps(
            {"params": {"db": db, "login": login, "password": password}}
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        cookie = response.headers["Set-Cookie"]
        uid = json.load(response)["result"]["uid"]
    return cookie.split("session_id=")[1].split(";")[0], uid


def call_kw(base_url, session_id, model, method, args, kwargs=None):
    request = urllib.request.Request(
        f"{base_url}/web/dataset/call_kw",
        data=json.dumps(
            {
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                }
            }
        ).encode(),
        headers={
            "Content-Type": "application/json",
            "Cookie": f"session_id={session_id}",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["result"]


def set_user_lang(base_url, session_id, uid, lang):
    """Set the logged-in user's language; returns the previous one."""
    (user,) = call_kw(base_url, session_id, "res.users", "read", [[uid], ["lang"]])
    call_kw(base_url, session_id, "res.users", "write", [[uid], {"lang": lang}])
    return user["lang"]


MANIFEST = Path(__file__).with_name("screenshots.json")
ROOT_DIR = Path(__file__).resolve().parent.parent


def resolve_xmlids(base_url, session_id, path):
    """Replace each `{module.xml_id}` of the path with that record's id."""

    def record_id(match):
        return str(
            call_kw(
                base_url,
                session_id,
                "ir.model.data",
                "check_object_reference",
                match.group(1).split("."),
            )[1]
        )

    return re.sub(r"\{([\w]+\.[\w]+)\}", record_id, path)


def shoot_all(args):
    base_url = f"http://127.0.0.1:{args.port}"
    admin_session, _uid = authenticate(base_url, args.db, "admin", "admin")
    for entry in json.loads(MANIFEST.read_text()):
        if args.only and args.only not in entry["file"]:
            continue
        login = entry.get("login", "admin")
        session_id, uid = authenticate(base_url, args.db, login, login)
        shot_args = argparse.Namespace(**vars(args))
        shot_args.path = resolve_xmlids(base_url, admin_session, entry["path"])
        shot_args.output = str(ROOT_DIR / entry["file"])
        shot_args.clicks = entry.get("click", [])
        shot_args.height = entry.get("height", args.height)
        lang = entry.get("lang", "vi_VN")
        previous_lang = set_user_lang(base_url, session_id, uid, lang)
        try:
            shoot(base_url, session_id, shot_args)
        finally:
            set_user_lang(base_url, session_id, uid, previous_lang)
        print(f"{entry['file']}: {login}, {lang}, {shot_args.path}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--only", default=None)
    parser.add_argument("--db", default="crm_suite_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--port", type=int, default=8069)
    parser.add_argument("--lang", default=None)
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--tz", default="Asia/Ho_Chi_Minh")
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--wait", type=float, default=8)
    args = parser.parse_args()
    if args.all:
        shoot_all(args)
        return
    if not (args.path and args.output):
        parser.error("give URL_PATH and OUTPUT.png, or --all")
    args.clicks = []
    base_url = f"http://127.0.0.1:{args.port}"
    session_id, uid = authenticate(base_url, args.db, args.login, args.password)
    previous_lang = args.lang and set_user_lang(base_url, session_id, uid, args.lang)
    try:
        shoot(base_url, session_id, args)
    finally:
        if previous_lang:
            set_user_lang(base_url, session_id, uid, previous_lang)


def shoot(base_url, session_id, args):
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        chrome = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                f"--window-size={args.width},{args.height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            # the port Chromium chose, so that several engineers' screenshots coexist
            port_file = Path(profile) / "DevToolsActivePort"
            for _ in range(100):
                if port_file.exists() and port_file.read_text().strip():
                    break
                time.sleep(0.1)
            devtools = f"http://127.0.0.1:{port_file.read_text().split()[0]}"
            for _ in range(50):
                try:
                    with urllib.request.urlopen(f"{devtools}/json") as response:
                        targets = json.load(response)
                    break
                except OSError:
                    time.sleep(0.2)
            page = next(t for t in targets if t["type"] == "page")
            socket = websocket.create_connection(
                page["webSocketDebuggerUrl"], suppress_origin=True
            )
            counter = iter(range(1, 1000))

            def call(method, **params):
                message_id = next(counter)
                socket.send(
                    json.dumps({"id": message_id, "method": method, "params": params})
                )
                while True:
                    answer = json.loads(socket.recv())
                    if answer.get("id") == message_id:
                        return answer.get("result", {})

            call(
                "Network.setCookie",
                name="session_id",
                value=session_id,
                domain="127.0.0.1",
                path="/",
            )
            # the web client shows times in the browser's zone: a Vietnamese office's
            call("Emulation.setTimezoneOverride", timezoneId=args.tz)
            call("Page.enable")
            call("Page.navigate", url=f"{base_url}{args.path}")
            time.sleep(args.wait)
            for selector in args.clicks:
                call(
                    "Runtime.evaluate",
                    expression=(
                        f"const e = document.querySelector({json.dumps(selector)});"
                        "e.click(); e.scrollIntoView({block: 'start'});"
                    ),
                )
                time.sleep(2)
            shot = call("Page.captureScreenshot", format="png")
            with open(args.output, "wb") as output:
                output.write(base64.b64decode(shot["data"]))
        finally:
            chrome.terminate()
            chrome.wait(timeout=10)


if __name__ == "__main__":
    main()
