"""Web load benchmark: concurrent signed-in users on the dashboards, as `csc-insight serve`
runs them (gunicorn) against an already-loaded CSC_INSIGHT_HOME.

    python bench/web_load.py --home DIR [--users 20] [--requests 400] [--workers 2]

Adds a bench user (role analyst) to that home, starts the app on a free 127.0.0.1 port,
signs in `--users` sessions at once, then has them fetch the performance overview and an
area page in turn until `--requests` fetches are done (or `--time-limit` passes), stops the
app and prints JSON: per page the count and p50 / p95 / max response time in ms, the first
(cold cache) overview's time, and the error count. Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HOST = "127.0.0.1"
USERNAME = "bench-web-load"
PASSWORD = "bench web load password 2020"
PAGES = {"overview": "/performance/", "area": "/performance/children-in-care/"}
CLI = [sys.executable, "-m", "csc_insight.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Session:
    """One signed-in browser: its own cookie jar."""

    def __init__(self, base: str, timeout: float) -> None:
        self.base = base
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    def sign_in(self) -> None:
        _, page = self.get("/account/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not token:
            raise RuntimeError("no CSRF token on the sign-in page")
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token[1].decode(), "username": USERNAME, "password": PASSWORD}
        ).encode()
        request = urllib.request.Request(
            self.base + "/account/login/",
            data=body,
            headers={"Referer": self.base + "/account/login/"},
        )
        with self.opener.open(request, timeout=self.timeout) as response:
            if response.url.rstrip("/").endswith("/account/login"):
                raise RuntimeError("sign-in refused")


def wait_for(base: str, proc: subprocess.Popen, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the app stopped while starting")
        try:
            urllib.request.urlopen(base + "/account/login/", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the app did not start in time")


def summarise(times: list[float]) -> dict[str, float | int]:
    if not times:
        return {"n": 0}
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def run(home: Path, users: int, requests: int, workers: int, time_limit: float) -> dict:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [*CLI, "createuser", USERNAME, "--role", "analyst", "--password-stdin"],
        input=PASSWORD + "\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    base = f"http://{HOST}:{port}"
    proc = subprocess.Popen(
        [*CLI, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(base, proc)
        sessions = [Session(base, timeout=time_limit) for _ in range(users)]
        with ThreadPoolExecutor(users) as pool:
            list(pool.map(Session.sign_in, sessions))
        started = time.perf_counter()
        status, _ = sessions[0].get(PAGES["overview"])
        cold = time.perf_counter() - started
        times: dict[str, list[float]] = {name: [] for name in PAGES}
        errors = 0 if status == 200 else 1
        lock = threading.Lock()
        deadline = time.monotonic() + time_limit
        counter = iter(range(requests))

        def user(session: Session) -> None:
            nonlocal errors
            while time.monotonic() < deadline:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                name = list(PAGES)[n % len(PAGES)]
                began = time.perf_counter()
                code, _ = session.get(PAGES[name])
                took = time.perf_counter() - began
                with lock:
                    times[name].append(took)
                    errors += code != 200

        began = time.perf_counter()
        with ThreadPoolExecutor(users) as pool:
            list(pool.map(user, sessions))
        wall = time.perf_counter() - began
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    done = sum(len(t) for t in times.values())
    return {
        "users": users,
        "requests": done,
        "workers": workers,
        "errors": errors,
        "seconds": round(wall, 2),
        "requests_per_second": round(done / wall, 1),
        "first_overview_cold_ms": round(cold * 1000, 1),
        "pages": {name: summarise(t) for name, t in times.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--home", type=Path, required=True, help="an already-loaded CSC_INSIGHT_HOME"
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=300.0,
        help="stop after this many seconds of load (and per request)",
    )
    args = parser.parse_args(argv)
    print(
        json.dumps(
            run(args.home, args.users, args.requests, args.workers, args.time_limit), indent=2
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
