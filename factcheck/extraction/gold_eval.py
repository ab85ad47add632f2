"""Scores the extractor against the numeric dev gold (gold/bbc_numeric.json): quantities, relations, and
whether a perturbed copy (one number changed so that a relation breaks) is flagged as broken."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import data, extract
from .quantities import is_numeric


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relation_spans(ex, r) -> list[tuple[int, int]]:
    ids = [*r.operands, *([r.result] if r.result is not None else [])]
    return [(ex.quantities[i].start, ex.quantities[i].end) for i in ids]


def _matches(pred_spans, gold_spans) -> bool:
    if len(pred_spans) != len(gold_spans):
        return False
    used = set()
    for g in gold_spans:
        k = next((i for i, p in enumerate(pred_spans) if i not in used and _overlaps(p, g)), None)
        if k is None:
            return False
        used.add(k)
    return True


def evaluate_gold(root: Path, gold_path: Path) -> str:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in data.bbc(root / "bbc-news-fulltext" / "articles.jsonl")}
    q_tp = q_pred = q_gold = 0
    r_tp_pred = r_pred = r_tp_gold = r_gold = holds_agree = 0
    false_alarms = 0
    p_total = p_detected = p_explained = 0
    mismatched = []
    per_kind: dict[str, list[int]] = {}
    for art in gold["articles"]:
        text = texts.get(art["id"])
        if text is None or hashlib.sha256(text.encode()).hexdigest() != art["sha256"]:
            mismatched.append(art["id"])
            continue
        ex = extract(text)
        preds = [q for q in ex.quantities if is_numeric(q)]
        q_pred += len(preds)
        q_gold += len(art["quantities"])
        for g in art["quantities"]:
            if any(
                _overlaps((p.start, p.end), g[:2]) and abs(p.value - g[2]) <= 1e-6 * max(1, abs(g[2])) for p in preds
            ):
                q_tp += 1
        pred_rels = [(r, _relation_spans(ex, r)) for r in ex.relations]
        r_pred += len(pred_rels)
        r_gold += len(art["relations"])
        false_alarms += sum(1 for r, _ in pred_rels if r.holds is False)
        for _r, spans in pred_rels:
            if any(_matches(spans, g["spans"]) for g in art["relations"]):
                r_tp_pred += 1
        for g in art["relations"]:
            hit = next((r for r, spans in pred_rels if _matches(spans, g["spans"])), None)
            per_kind.setdefault(g["kind"], [0, 0])
            per_kind[g["kind"]][1] += 1
            if hit is not None:
                r_tp_gold += 1
                per_kind[g["kind"]][0] += 1
                holds_agree += hit.holds == g["holds"]
        for pert in art["perturbations"]:
            p_total += 1
            s, e, new = pert["start"], pert["end"], pert["new"]
            changed = text[:s] + new + text[e:]
            new_span = (s, s + len(new))
            pex = extract(changed)
            broken = [
                r
                for r in pex.relations
                if r.holds is False and any(_overlaps(sp, new_span) for sp in _relation_spans(pex, r))
            ]
            if broken:
                p_detected += 1
                p_explained += all(r.explanation for r in broken)

    def pct(a, b):
        return f"{a / b:.3f}" if b else "-"

    rows = [
        ["quantities (span overlap + same value)", q_gold, q_pred, pct(q_tp, q_pred), pct(q_tp, q_gold)],
        ["relations (same quantities linked)", r_gold, r_pred, pct(r_tp_pred, r_pred), pct(r_tp_gold, r_gold)],
    ]
    lines = [
        f"### Numeric dev gold ({len(gold['articles']) - len(mismatched)} BBC dev articles, hand-annotated)",
        "",
        "| item | gold | predicted | precision | recall |",
        "|---|---|---|---|---|",
        *["| " + " | ".join(str(c) for c in r) + " |" for r in rows],
        "",
        f"- holds verdict agrees with gold on matched relations: {holds_agree}/{r_tp_gold}",
        "- recall by gold relation kind: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per_kind.items())),
        f"- perturbed copies (one number changed so that a gold relation breaks): **{p_detected}/{p_total}** "
        f"flagged with a relation that holds false at the changed number",
        f"- relations reported as broken (holds false) on the unchanged articles: {false_alarms} "
        f"(gold has {sum(1 for a in gold['articles'] for g in a['relations'] if g['holds'] is False)})",
    ]
    if mismatched:
        lines.append(f"- skipped (text missing or changed): {', '.join(mismatched)}")
    return "\n".join(lines)
