"""The relation finder scored on the articles this project wrote itself (tools/written.py), by part: recall
(within / across sentences, by kind), precision, the errors written into the copy that it flags, perturbed
copies of the true relations that it flags, and false "broken" alarms. Offline tooling.

Matching is the relations gold's: a reported relation matches a marked one when their figures overlap one to
one (same number of figures). A false alarm is a relation reported broken that matches no relation marked
broken. Perturbed copies are made as for the BBC gold (gold_eval.perturb), from every relation marked true
or approximately true.
"""

from __future__ import annotations

from .. import extract
from .gold_eval import _matches, _overlaps, _relation_spans, perturb
from .gold_report import common_rows, frac
from .written import part

_ORDER = ("change", "comparison", "part_of", "sum", "difference", "percentage", "ratio", "record")


def _value(ex, span) -> float | None:
    q = next((q for q in ex.quantities if _overlaps((q.start, q.end), span)), None)
    return None if q is None else float(q.value)


def _sentence(ex, span) -> int:
    return next((st.sentence for st in ex.statements if st.start <= span[0] < st.end), -1)


def score(articles: list[dict]) -> dict:
    sc = {"articles": 0, "controls": 0, "gold": 0, "hit": 0, "within": [0, 0], "cross": [0, 0], "pred": 0}
    sc.update(pred_ok=0, errors=[0, 0], pert=[0, 0], alarms=0, kinds={})
    for art in articles:
        text, gold = art["text"], [g for g in art["relations"] if g["kind"] != "restate"]
        ex = extract(text)
        pred = [(r, _relation_spans(ex, r)) for r in ex.relations]
        sc["articles"] += 1
        sc["controls"] += not gold
        sc["pred"] += len(pred)
        sc["pred_ok"] += sum(1 for _r, sp in pred if any(_matches(sp, g["spans"]) for g in gold))
        broken = [g["spans"] for g in gold if g["holds"] is False]
        sc["alarms"] += sum(1 for r, sp in pred if r.holds is False and not any(_matches(sp, b) for b in broken))
        for g in gold:
            hits = [r for r, sp in pred if _matches(sp, g["spans"])]
            cross = len({_sentence(ex, s) for s in g["spans"]}) > 1
            for key in (g["kind"], "cross" if cross else "within"):
                k = sc["kinds"].setdefault(key, [0, 0]) if key in _ORDER else sc[key]
                k[0] += bool(hits)
                k[1] += 1
            sc["gold"] += 1
            sc["hit"] += bool(hits)
            if g["holds"] is False:
                sc["errors"][1] += 1
                sc["errors"][0] += any(r.holds is False for r in hits)
            elif g["holds"] is not None:
                _perturbed(sc, ex, text, g)
    return sc


def _perturbed(sc: dict, ex, text: str, g: dict) -> None:
    values = [_value(ex, s) for s in g["spans"]]
    if None in values:
        return
    p = perturb(text, g["spans"], values, g["kind"])
    if p is None:
        return
    s, e, new = p["start"], p["end"], p["new"]
    pex = extract(text[:s] + new + text[e:])
    span = (s, s + len(new))
    sc["pert"][1] += 1
    sc["pert"][0] += any(
        r.holds is False and any(_overlaps(sp, span) for sp in _relation_spans(pex, r)) for r in pex.relations
    )


def report(articles: list[dict], which: str = "all") -> str:
    parts = ("tuning", "test") if which == "all" else (which,)
    scores = {p: score([a for a in articles if part(a["id"]) == p]) for p in parts}

    rows = [
        *common_rows(),
        ("errors written into the copy, flagged broken", lambda s: frac(*s["errors"])),
        ("perturbed copies flagged broken at the change", lambda s: frac(*s["pert"])),
        ("false “broken” alarms per article", lambda s: f"{s['alarms'] / max(1, s['articles']):.2f} ({s['alarms']})"),
        *[(f"recall: {k}", lambda s, k=k: frac(*s["kinds"].get(k, [0, 0]))) for k in _ORDER],
    ]
    head = " | ".join(parts)
    lines = [
        "### Relations on the articles this project wrote (tools/gold/written; test part never read for rules)",
        "",
        f"| measure | {head} |",
        "|---|" + "---|" * len(parts),
        *[f"| {name} | " + " | ".join(f(scores[p]) for p in parts) + " |" for name, f in rows],
    ]
    return "\n".join(lines)
