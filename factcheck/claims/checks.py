"""The article page's checks: the extraction run's arithmetic and comparison relations, each with a verdict a
person reads (holds, roughly holds, fails, needs evidence) and the statements it involves."""

HOLDS = {True: ("ok", "✓", "holds"), "approximately": ("approx", "≈", "roughly holds"), False: ("bad", "✗", "fails")}
KIND_LABELS = {
    "sum": "Sum",
    "part_of": "Part of a whole",
    "comparison": "Comparison",
    "record": "Record",
    "percentage": "Percentage",
    "difference": "Difference",
    "ratio": "Ratio",
    "change": "Change",
    "restatement": "Same figure, another value",
}


def article_checks(run, claims):
    """The run's arithmetic and comparison checks, each with the statements it involves."""
    by_position = {c.position: c for c in claims if c.found_by_current_extractor}
    checks = []
    for rel in (run.relations if run is not None else None) or []:
        css, icon, verdict = HOLDS.get(rel.get("holds"), ("open", "?", "needs evidence"))
        checks.append(
            {
                "kind": KIND_LABELS.get(rel.get("kind"), str(rel.get("kind", "check")).replace("_", " ").capitalize()),
                "css": css,
                "icon": icon,
                "verdict": verdict,
                "explanation": rel.get("explanation", ""),
                "claims": [by_position[i] for i in rel.get("statement_ids") or () if i in by_position],
            }
        )
    order = {"bad": 0, "open": 1, "approx": 2, "ok": 3}
    return sorted(checks, key=lambda c: order[c["css"]])
