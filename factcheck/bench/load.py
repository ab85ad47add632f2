"""bench_web's load pass, run by Locust (requirements/bench.txt) and the machine's load average.

`locust_run` writes the plan (screens, signed-in sessions) for `locustfile.py`, runs Locust headless
against a gunicorn on 127.0.0.1, bounded in users, spawn rate and run time, and reads its CSV back:
p50/p95/p99, requests, errors and req/s per screen. Locust's percentiles are its own: exact below
100 ms, rounded to 10 ms up to 1 s and to 100 ms above.
"""

import csv
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.core.management.base import CommandError

from factcheck.bench.harness import HOST, ROOT

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def locust_version():
    if importlib.util.find_spec("locust") is None:
        raise CommandError("the load pass runs Locust: `.venv/bin/pip install -r requirements/bench.txt`")
    from importlib.metadata import version

    return version("locust")


class LoadAverage:
    """The 1-minute load average sampled every 2 s while a pass runs: start, mean, max, end."""

    def __init__(self):
        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._stop.wait(2):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])

    def figures(self):
        s = self.samples
        return {"start": s[0], "mean": sum(s) / len(s), "max": max(s), "end": s[-1]}


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _read_stats(prefix, names):
    figures, total = {}, {}
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            entry = {
                "n": int(row["Request Count"]),
                "p50": _number(row["50%"]),
                "p95": _number(row["95%"]),
                "p99": _number(row["99%"]),
                "errors": int(row["Failure Count"]),
                "rps": _number(row["Requests/s"]),
            }
            if row["Name"] == "Aggregated":
                total = entry
            elif row["Name"] in names:
                figures[row["Name"]] = entry
    failures = []
    with open(f"{prefix}_failures.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            failures.append(f"{row['Occurrences']} × {row['Name']}: {row['Error']}")
    return figures, total, failures


def locust_run(port, screens, sessions, *, users, spawn_rate, duration, think, log):
    """Run Locust headless against 127.0.0.1:port; ({screen: figures}, total, first failures, load average)."""
    live = [s for s in screens if s.paths is not None]
    with tempfile.TemporaryDirectory(prefix="bench-locust-") as tmp:
        plan = Path(tmp) / "plan.json"
        plan.write_text(
            json.dumps(
                {
                    "screens": [
                        {"name": s.name, "paths": s.paths, "anonymous": s.anonymous, "headers": s.headers} for s in live
                    ],
                    "sessions": sessions,
                }
            ),
            encoding="utf-8",
        )
        prefix = str(Path(tmp) / "run")
        command = [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", f"http://{HOST}:{port}",
            "--users", str(users), "--spawn-rate", str(spawn_rate), "--run-time", f"{duration}s",
            "--stop-timeout", "10", "--csv", prefix, "--only-summary", "--loglevel", "WARNING",
            "--exit-code-on-error", "0",
        ]  # fmt: skip
        started = time.monotonic()
        with LoadAverage() as load:
            done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
                command,
                cwd=ROOT,
                env={**os.environ, "BENCH_LOCUST_PLAN": str(plan), "BENCH_LOCUST_THINK": str(think)},
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=duration + 120,
                check=False,
            )
        if done.returncode != 0:
            raise CommandError(f"locust exited with {done.returncode}; see {log.name}")
        figures, total, failures = _read_stats(prefix, {s.name for s in live})
    figures = {s.name: figures.get(s.name) for s in screens}
    total["seconds"] = time.monotonic() - started
    return figures, total, failures, load.figures()
