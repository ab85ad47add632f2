"""The workshop (factcheck/bench: benchmark and chaos commands) is installed only when asked for."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = ("bench_exports", "bench_pipeline", "bench_seed", "bench_web", "chaos")


def _commands(**env):
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return set(result.stdout.split())


def test_the_runtime_does_not_install_the_workshop():
    assert "factcheck.bench" not in settings.INSTALLED_APPS
    assert _commands(FACTCHECK_BENCH="0").isdisjoint(WORKSHOP)


def test_the_bench_switch_installs_every_workshop_command():
    commands = _commands(FACTCHECK_BENCH="1")
    assert set(WORKSHOP) <= commands
    assert "demo" in commands  # the demo command stays in the runtime's demo app
