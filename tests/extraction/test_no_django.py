"""The extractor must not import Django. The project's top-level package loads Celery (and through it
parts of Django) for the web app, so the runtime check imports factcheck.extraction under an empty
stand-in for the parent package: what is left is what the extractor itself pulls in."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck" / "extraction"

PROBE = """
import sys, types
parent = types.ModuleType("factcheck")
parent.__path__ = [{root!r}]
sys.modules["factcheck"] = parent
from factcheck.extraction import extract
extract("Officials said 72 of the 550 drones got through.")
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("django", "celery"))
print(",".join(bad))
tools = "factcheck.extraction.tools"
workshop = sorted(m for m in sys.modules if m.startswith(tools) or m.split(".")[0] in ("sklearn", "scipy"))
print(",".join(workshop))
"""


def test_it_does_not_import_django_at_run_time():
    code = PROBE.format(root=str(PACKAGE.parent))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    django_modules, workshop_modules = proc.stdout.split("\n")[:2]
    assert django_modules == ""
    # The workshop (training, evaluation, benchmarks: scikit-learn, scipy) stays out of the runtime engine.
    assert workshop_modules == ""


def test_it_has_no_django_import_statement():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("django", "celery") for n in names), path
