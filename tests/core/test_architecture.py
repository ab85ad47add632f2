"""Imports point one way: core ← newsrooms ← sources ← claims ← verdicts ← reports ← factchecks ← api.

(README, "Layout"). Rooms lower in the chain tell higher ones about events through factcheck.core.signals.

Parsed with `ast`, so a new import against the direction fails here whatever runs it. KNOWN_DEBT lists
imports that break the rule (none today); the test also fails when one of them goes away, so the list can
only shrink.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "factcheck"
ORDER = ["core", "newsrooms", "sources", "claims", "verdicts", "reports", "factchecks", "api"]
# Apps outside the chain: `demo` and the workshop `bench` may import any app; `extraction` is pure.
EXTRACTION_USERS = {"claims", "demo", "bench", "extraction", "factchecks"}
KNOWN_DEBT = set()  # none since the statement page moved to verdicts (issue 14)


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _violations():
    found = set()
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or len(relative.parts) < 2:
            continue
        app = relative.parts[0]
        for module in _imports(path):
            parts = module.split(".")
            if parts[0] != "factcheck" or len(parts) < 2:
                continue
            target = parts[1]
            upstream = app in ORDER and target in ORDER and ORDER.index(target) > ORDER.index(app)
            engine_in = target == "extraction" and app not in EXTRACTION_USERS
            engine_out = app == "extraction" and target != "extraction"
            if upstream or engine_in or engine_out:
                found.add((relative.as_posix(), module))
    return found


def test_it_finds_an_import_against_the_direction(tmp_path, monkeypatch):
    # the checker itself can fail: a models module of `core` importing `claims` is caught
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "models.py").write_text("from factcheck.claims.models import Claim\n")
    (tmp_path / "extraction").mkdir()
    (tmp_path / "extraction" / "pipeline.py").write_text("import factcheck.core.models\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert _violations() == {
        ("core/models.py", "factcheck.claims.models"),
        ("extraction/pipeline.py", "factcheck.core.models"),
    }


def test_imports_point_one_way():
    found = _violations()
    assert found - KNOWN_DEBT == set(), "imports against the direction (see README, Layout)"
    assert KNOWN_DEBT - found == set(), "a known exception is gone: remove it from KNOWN_DEBT"
