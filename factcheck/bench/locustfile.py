"""Locust's side of `bench_web`'s load pass: run by `manage.py bench_web`, not by hand.

bench_web starts gunicorn, logs every bench user in through the real login form, writes the plan
(the screens with their paths, each user's session cookies) to the JSON file named by
BENCH_LOCUST_PLAN and runs Locust headless against it, bounded in users, spawn rate and run time:

    python -m locust -f factcheck/bench/locustfile.py --headless -u 50 -r 25 -t 60s \\
        --host http://127.0.0.1:8765 --csv PREFIX

Each simulated user is one signed-in bench user (its own session) cycling through the screens with
no think time (BENCH_LOCUST_THINK seconds on average if set), as a checker who keeps clicking; the
request name is the screen, so Locust's table is per screen. Anything but a 200 is a failure (a
redirect to the login page included). No Django import: Locust runs in its own process with gevent.
"""

import itertools
import json
import os
import random
from urllib.parse import urlsplit

from locust import FastHttpUser, between, constant, events, task

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _plan():
    with open(os.environ["BENCH_LOCUST_PLAN"], encoding="utf-8") as f:
        return json.load(f)


@events.test_start.add_listener
def _loopback_only(environment, **kwargs):
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK:
        raise SystemExit(f"bench load runs against a local server only, not {environment.host!r}")


def _think():
    """No wait between requests by default; BENCH_LOCUST_THINK seconds on average (half to one and a half)."""
    seconds = float(os.environ.get("BENCH_LOCUST_THINK") or 0)
    return between(seconds / 2, seconds * 1.5) if seconds > 0 else constant(0)


class Checker(FastHttpUser):
    """A signed-in bench user cycling through the review screens, with no wait between requests unless asked."""

    wait_time = _think()
    _numbers = itertools.count()

    def on_start(self):
        plan = _plan()
        number = next(Checker._numbers)
        sessions = plan["sessions"]
        self.cookie = "; ".join(f"{k}={v}" for k, v in sessions[number % len(sessions)].items())
        self.screens = plan["screens"]
        self.turn = number  # users start at different screens, so every screen is busy all the time
        self.rng = random.Random(number)

    @task
    def next_screen(self):
        screen = self.screens[self.turn % len(self.screens)]
        self.turn += 1
        headers = dict(screen.get("headers") or {})
        if not screen.get("anonymous"):
            headers["Cookie"] = self.cookie
        # Sessions travel in the header above only: a Set-Cookie must not make the anonymous screens signed in.
        self.client.cookiejar.clear()
        with self.client.get(
            self.rng.choice(screen["paths"]),
            name=screen["name"],
            headers=headers,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
