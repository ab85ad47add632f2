"""bench_web's tables: one run, and two runs side by side (10k against 1M statements).

Targets (issue 15): p95 at the larger size ≤ 1.3 × p95 at the smaller, per screen; p50 ≤ 3 × the floor,
a signed-in page through the same middleware and base template with an empty body (/healthz, one
SELECT 1 and no template, is the second floor); under load, 0 errors and p95 ≤ 1.5 s.
"""

import json
from pathlib import Path

FLOOR = "floor: signed-in empty page"
FLOOR_HEALTHZ = "floor: /healthz"
P95_RATIO = 1.3
FLOOR_RATIO = 3
LOAD_P95_MS = 1500


def _load_average(figures):
    if not figures:
        return "load average n/a"
    return "load average {start:.1f} → {end:.1f} (mean {mean:.1f}, max {max:.1f})".format(**figures)


def print_run(out, result):
    out.write("")
    out.write(f"{result['label']}: search {result['search']!r}, filters {result['filters']}")
    loads = result.get("loadavg", {})
    if result.get("isolated"):
        out.write(f"  isolated (one client; {_load_average(loads.get('isolated'))})")
        _rows(out, result["isolated"], ("n", "p50", "p95", "p99", "errors"))
    if result.get("load"):
        total = result["load_total"]
        out.write(
            f"  under load: {result['load_tool']}, {result['users']} users (spawn {result['spawn_rate']}/s, "
            f"think {result.get('think', 0)} s), "
            f"{result['duration']} s, {total['rps']:.1f} req/s, {total['n']} requests, {total['errors']} errors, "
            f"p95 {total['p95']:.0f} ms; {_load_average(loads.get('load'))}"
        )
        _rows(out, result["load"], ("n", "p50", "p95", "p99", "errors", "rps"))
        verdict = "ok" if total["errors"] == 0 and total["p95"] <= LOAD_P95_MS else "MISS"
        out.write(f"  target 0 errors and p95 ≤ {LOAD_P95_MS} ms over all screens: {verdict}")
        for line in result.get("load_failures", [])[:5]:
            out.write(f"  failure: {line}")


def _rows(out, figures, columns):
    out.write(f"  {'screen':34} " + " ".join(f"{c:>7}" for c in columns))
    for name, f in figures.items():
        if f is None:
            out.write(f"  {name:34} {'n/a':>7}")
            continue
        cells = [f"{f[c]:7}" if c in ("n", "errors") else f"{f[c]:7.1f}" for c in columns]
        out.write(f"  {name:34} " + " ".join(cells))


def compare_files(out, before_path, after_path):
    compare(out, json.loads(Path(before_path).read_text()), json.loads(Path(after_path).read_text()))


def compare(out, a, b):
    out.write("")
    out.write(
        f"A: {a['label']} ({a['statements']:,} statements); B: {b['label']} ({b['statements']:,} statements); "
        f"search {b['search']!r}"
    )
    for phase, title in (("isolated", "isolated pass (one client, a screen's own cost)"), ("load", "load pass")):
        if not a.get(phase) or not b.get(phase):
            continue
        loads = (_load_average(a.get("loadavg", {}).get(phase)), _load_average(b.get("loadavg", {}).get(phase)))
        out.write("")
        out.write(f"{title}; A {loads[0]}; B {loads[1]}")
        floors = [(x[phase].get(FLOOR) or {}).get("p50") for x in (a, b)]
        healthz = (b[phase].get(FLOOR_HEALTHZ) or {}).get("p50")
        out.write(
            f"{'screen':34} {'p50 A':>7} {'p95 A':>7} {'p50 B':>7} {'p95 B':>7} {'B/A p95':>8} {'≤1.3':>5} "
            f"{'A/floor':>8} {'B/floor':>8} {'≤3×':>4} {'B/healthz':>9} {'errors':>9}"
        )
        for name in [*a[phase], *(n for n in b[phase] if n not in a[phase])]:
            fa, fb = a[phase].get(name), b[phase].get(name)
            if fa is None or fb is None:
                out.write(f"{name:34} {'n/a':>7}")
                continue
            ratio = fb["p95"] / fa["p95"] if fa["p95"] else float("inf")
            vs = [f["p50"] / floor if floor else float("nan") for f, floor in zip((fa, fb), floors, strict=True)]
            floor_row = name.startswith("floor")
            out.write(
                f"{name:34} {fa['p50']:7.1f} {fa['p95']:7.1f} {fb['p50']:7.1f} {fb['p95']:7.1f} {ratio:8.2f} "
                f"{'—' if floor_row else ('ok' if ratio <= P95_RATIO else 'MISS'):>5} {vs[0]:7.1f}× {vs[1]:7.1f}× "
                f"{'—' if floor_row else ('ok' if vs[1] <= FLOOR_RATIO else 'MISS'):>4} "
                f"{fb['p50'] / healthz if healthz else float('nan'):8.1f}× {fa['errors']:>4}/{fb['errors']:<4}"
            )
    out.write("")
    out.write(
        f"targets: p95 B ≤ {P95_RATIO} × p95 A per screen; p50 ≤ {FLOOR_RATIO} × the floor ({FLOOR}); "
        f"under load 0 errors and p95 ≤ {LOAD_P95_MS} ms"
    )
