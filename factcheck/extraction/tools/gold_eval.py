"""Scores the extractor against the numeric dev gold (gold/bbc_numeric.json): quantities, relations, and
whether a perturbed copy (one number changed so that a relation breaks) is flagged as broken; and builds
and scores the relations gold of issue 12 (gold/RELATIONS_GOLD.md, gold/bbc_relations.json) by part.
Offline tooling, never imported by extract():

python -m factcheck.extraction.gold_eval draw [--part tuning|test] [--n 20]   # the seeded draw
python -m factcheck.extraction.gold_eval show ID      # an article with the extractor's figures numbered
python -m factcheck.extraction.gold_eval build        # relations_annotations.txt → bbc_relations.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from .. import extract
from ..quantities import is_numeric
from . import data


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


class _OldGoldTally:
    """Counts for the older numeric gold (bbc_numeric.json), article by article."""

    def __init__(self):
        self.q_tp = self.q_pred = self.q_gold = 0
        self.r_tp_pred = self.r_pred = self.r_tp_gold = self.r_gold = self.holds_agree = 0
        self.false_alarms = self.p_total = self.p_detected = self.p_explained = 0
        self.per_kind: dict[str, list[int]] = {}

    def quantities(self, art, ex):
        preds = [q for q in ex.quantities if is_numeric(q)]
        self.q_pred += len(preds)
        self.q_gold += len(art["quantities"])
        for g in art["quantities"]:
            if any(
                _overlaps((p.start, p.end), g[:2]) and abs(p.value - g[2]) <= 1e-6 * max(1, abs(g[2])) for p in preds
            ):
                self.q_tp += 1

    def relations(self, art, ex):
        pred_rels = [(r, _relation_spans(ex, r)) for r in ex.relations]
        self.r_pred += len(pred_rels)
        self.r_gold += len(art["relations"])
        self.false_alarms += sum(1 for r, _ in pred_rels if r.holds is False)
        self.r_tp_pred += sum(
            1 for _r, spans in pred_rels if any(_matches(spans, g["spans"]) for g in art["relations"])
        )
        for g in art["relations"]:
            hit = next((r for r, spans in pred_rels if _matches(spans, g["spans"])), None)
            kind = self.per_kind.setdefault(g["kind"], [0, 0])
            kind[1] += 1
            if hit is not None:
                self.r_tp_gold += 1
                kind[0] += 1
                self.holds_agree += hit.holds == g["holds"]

    def perturbations(self, art, text):
        for pert in art["perturbations"]:
            self.p_total += 1
            s, e, new = pert["start"], pert["end"], pert["new"]
            new_span = (s, s + len(new))
            pex = extract(text[:s] + new + text[e:])
            broken = [
                r
                for r in pex.relations
                if r.holds is False and any(_overlaps(sp, new_span) for sp in _relation_spans(pex, r))
            ]
            if broken:
                self.p_detected += 1
                self.p_explained += all(r.explanation for r in broken)

    def report(self, gold, mismatched) -> str:
        def pct(a, b):
            return f"{a / b:.3f}" if b else "-"

        rows = [
            ["quantities (span overlap + same value)", self.q_gold, self.q_pred, pct(self.q_tp, self.q_pred),
             pct(self.q_tp, self.q_gold)],
            ["relations (same quantities linked)", self.r_gold, self.r_pred, pct(self.r_tp_pred, self.r_pred),
             pct(self.r_tp_gold, self.r_gold)],
        ]  # fmt: skip
        gold_broken = sum(1 for a in gold["articles"] for g in a["relations"] if g["holds"] is False)
        by_kind = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(self.per_kind.items()))
        lines = [
            f"### Numeric dev gold ({len(gold['articles']) - len(mismatched)} BBC dev articles, hand-annotated)",
            "",
            "| item | gold | predicted | precision | recall |",
            "|---|---|---|---|---|",
            *["| " + " | ".join(str(c) for c in r) + " |" for r in rows],
            "",
            f"- holds verdict agrees with gold on matched relations: {self.holds_agree}/{self.r_tp_gold}",
            "- recall by gold relation kind: " + by_kind,
            f"- perturbed copies (one number changed so that a gold relation breaks): **{self.p_detected}/"
            f"{self.p_total}** flagged with a relation that holds false at the changed number",
            f"- relations reported as broken (holds false) on the unchanged articles: {self.false_alarms} "
            f"(gold has {gold_broken})",
        ]
        if mismatched:
            lines.append(f"- skipped (text missing or changed): {', '.join(mismatched)}")
        return "\n".join(lines)


def evaluate_gold(root: Path, gold_path: Path) -> str:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {a["id"]: a["text"] for a in data.bbc(root / "bbc-news-fulltext" / "articles.jsonl")}
    tally, mismatched = _OldGoldTally(), []
    for art in gold["articles"]:
        text = texts.get(art["id"])
        if text is None or hashlib.sha256(text.encode()).hexdigest() != art["sha256"]:
            mismatched.append(art["id"])
            continue
        ex = extract(text)
        tally.quantities(art, ex)
        tally.relations(art, ex)
        tally.perturbations(art, text)
    return tally.report(gold, mismatched)


GOLD_DIR = Path(__file__).with_name("gold")
ANNOTATIONS = GOLD_DIR / "relations_annotations.txt"
OUT = GOLD_DIR / "bbc_relations.json"
OLD_GOLD = GOLD_DIR / "bbc_numeric.json"
ROUND11_DRAW = GOLD_DIR / "relations_round11_draw.txt"
FLIP = {"comparison", "change"}  # two figures and a direction: the perturbation reverses it


def part_of(art_id: str) -> str:
    """The fixed split. Only business and politics articles can be test articles; the round-11 draw's
    tech and entertainment articles are tuning articles whatever their hash (RELATIONS_GOLD.md, round 11)."""
    if art_id.split("/")[0] not in ("business", "politics"):
        return "tuning"
    return "test" if int(hashlib.sha256(f"issue12-split:{art_id}".encode()).hexdigest()[:8], 16) % 5 < 3 else "tuning"


def draw_key(art_id: str) -> str:
    return hashlib.sha256(f"issue12-draw:{art_id}".encode()).hexdigest()


def texts(root: Path) -> dict[str, str]:
    return {a["id"]: a["text"] for a in data.bbc(root / "bbc-news-fulltext" / "articles.jsonl")}


def draw(root: Path) -> list[str]:
    old = {a["id"] for a in json.loads(OLD_GOLD.read_text(encoding="utf-8"))["articles"]}
    ids = []
    for art_id, text in texts(root).items():
        if art_id.split("/")[0] not in ("business", "politics") or art_id in old:
            continue
        if sum(1 for q in extract(text).quantities if is_numeric(q)) >= 4:
            ids.append(art_id)
    return sorted(ids, key=draw_key)


def draw_round11(root: Path) -> list[str]:
    """Round 11's pool (RELATIONS_GOLD.md): dev articles in neither part, the audit nor the old gold;
    business/politics of the tuning hash with >= 3 figures, tech/entertainment with >= 4; in the order of
    sha256("issue12-round11:" + id). The committed list (ROUND11_DRAW) is the order of record."""
    old = {a["id"] for a in json.loads(OLD_GOLD.read_text(encoding="utf-8"))["articles"]}
    old |= {a["id"] for a in json.loads(OUT.read_text(encoding="utf-8"))["articles"] if a.get("round", 1) < 11}
    audit = GOLD_DIR / "relations_audit.txt"
    old |= set(re.findall(r"\b(?:business|politics|entertainment|sport|tech)/\d+\.txt", audit.read_text()))
    ids = []
    for art_id, text in texts(root).items():
        cat = art_id.split("/")[0]
        if art_id in old or cat == "sport" or (cat in ("business", "politics") and part_of(art_id) == "test"):
            continue
        if sum(1 for q in extract(text).quantities if is_numeric(q)) >= (3 if cat in ("business", "politics") else 4):
            ids.append(art_id)
    return sorted(ids, key=lambda i: hashlib.sha256(f"issue12-round11:{i}".encode()).hexdigest())


def show(text: str) -> str:
    ex = extract(text)
    qs = [q for q in ex.quantities if is_numeric(q)]
    out, pos = [], 0
    sent_starts = {s.start: s.sentence for s in ex.statements}
    marks = sorted([(q.start, 0, q) for q in qs] + [(s, 1, n) for s, n in sent_starts.items()], key=lambda t: t[:2])
    for start, typ, obj in marks:
        if typ == 1:
            out.append(text[pos:start] + f"〈s{obj}〉")
            pos = start
            continue
        q = obj
        out.append(text[pos : q.start] + f"⟦{qs.index(q)}:{text[q.start : q.end]}={q.value:g} {q.kind} {q.unit}⟧")
        pos = q.end
    out.append(text[pos:])
    return "".join(out)


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)


def perturb(text: str, spans, values, kind: str):
    """One figure of the relation changed beyond rounding so that it breaks: {"span", "start", "end", "new"}
    (a number word is replaced by digits), or None if no figure of the relation can be changed."""
    k = len(spans) - 1
    if kind in FLIP and len(spans) == 2:
        factor = (values[0] * 0.5 if values[1] > values[0] else values[0] * 2) / values[1] if values[1] else 2
    elif kind == "part_of":
        k, factor = 0, (values[1] * 2 / values[0] if values[0] else 2)
    else:
        factor = 1.5
    s, e = spans[k]
    m = _DIGITS.search(text, s, e)
    if not m:
        w = _WORD.search(text, s, e)
        if not w:
            return None
        new = str(max(2, round(_WORDS[w.group().lower()] * factor)))
        return {"span": k, "start": w.start(), "end": w.end(), "new": new}
    old = float(m.group().replace(",", ""))
    decimals = len(m.group().split(".")[1]) if "." in m.group() else 0
    new = old * factor
    new_s = f"{new:,.{decimals}f}" if "," in m.group() else f"{new:.{decimals}f}"
    if float(new_s.replace(",", "")) in (old, 0.0):
        return None
    return {"span": k, "start": m.start(), "end": m.end(), "new": new_s}


def parse(lines):
    """{id: {"drop": set, "add": [...], "rels": [...], "note": str}} from the annotation lines."""
    arts, cur, rnd = {}, None, 1
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        tok = line.split()
        if tok[0] == "@round":
            rnd = int(tok[1])
        elif tok[0] == "=":
            cur = arts.setdefault(tok[1], {"drop": set(), "add": [], "rels": [], "fix": {}, "round": rnd})
        elif tok[0] == "-q":
            cur["drop"].update(int(t) for t in tok[1:])
        elif tok[0] == "+q":  # +q START END VALUE KIND  (referred to as a0, a1, …)
            cur["add"].append([int(tok[1]), int(tok[2]), float(tok[3]), tok[4]])
        elif tok[0] == "~q":  # ~q N VALUE: the extractor's figure, with the right value
            cur["fix"][int(tok[1])] = float(tok[2])
        elif tok[0] == "r":  # r KIND REF… HOLDS(T|F|A|N): operands first, the result last
            holds = {"T": True, "F": False, "A": "approximately", "N": None}[tok[-1]]
            cur["rels"].append((tok[1], tok[2:-1], holds))
    return arts


def build(root: Path, rebuild: bool = False) -> dict:
    all_texts = texts(root)
    arts = parse(ANNOTATIONS.read_text(encoding="utf-8").splitlines())
    built = {a["id"]: a for a in json.loads(OUT.read_text(encoding="utf-8"))["articles"]} if OUT.exists() else {}
    out = []
    for art_id, ann in arts.items():
        if art_id in built and not rebuild:
            out.append({**built[art_id], "round": ann["round"]})  # figure numbers refer to the extractor then
            continue
        text = all_texts[art_id]
        ex = extract(text)
        sent_of = {}
        for st in ex.statements:
            for q in ex.quantities:
                if st.start <= q.start < st.end:
                    sent_of[(q.start, q.end)] = st.sentence
        qs = [q for q in ex.quantities if is_numeric(q)]
        ref = {str(i): [q.start, q.end, ann["fix"].get(i, q.value), q.kind] for i, q in enumerate(qs)}
        for j, a in enumerate(ann["add"]):
            ref[f"a{j}"] = a
        quants = [v for k, v in ref.items() if not (k.isdigit() and int(k) in ann["drop"])]
        rels, perts = [], []
        for kind, refs, holds in ann["rels"]:
            spans = [ref[r][:2] for r in refs]
            sents = {sent_of.get(tuple(s), -1) for s in spans}
            rel = {"kind": kind, "spans": spans, "holds": holds, "cross_sentence": len(sents) > 1}
            rels.append(rel)
            if holds is not None:
                p = perturb(text, spans, [ref[r][2] for r in refs], kind)
                if p is not None:
                    p["relation"] = len(rels) - 1
                    perts.append(p)
        out.append(
            {
                "id": art_id,
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "part": part_of(art_id),
                "round": ann["round"],
                "quantities": sorted(quants),
                "relations": rels,
                "perturbations": perts,
            }
        )
    return {
        "about": "Relations gold of issue 12 (see RELATIONS_GOLD.md). Ids, offsets, values and labels only; "
        "texts are read from ../shared/data at run time. Built by gold_eval.py from relations_annotations.txt.",
        "extractor_version_prefill": "02ca08e",
        "articles": out,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.extraction.gold_eval")
    ap.add_argument("cmd", choices=["draw", "draw11", "show", "build", "score", "misses"])
    ap.add_argument("id", nargs="?")
    ap.add_argument("--part", help="draw: the part drawn (default tuning); score: 'tuning' scores it alone")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--data-dir")
    ap.add_argument("--rebuild", action="store_true", help="rebuild every article with the current extractor")
    ap.add_argument("--round", type=int, help="score: the tuning articles of that round alone")
    args = ap.parse_args(argv)
    root = data.data_dir(args.data_dir)
    if args.cmd == "draw":
        ids = draw(root)
        print(f"# {len(ids)} eligible")
        for i in [i for i in ids if part_of(i) == (args.part or "tuning")][: args.n]:
            print(i)
    elif args.cmd == "draw11":
        ids = draw_round11(root)
        print(f"# {len(ids)} eligible (round 11 rule, RELATIONS_GOLD.md)")
        print("\n".join(ids[: args.n]))
    elif args.cmd == "show":
        print(show(texts(root)[args.id]))
    elif args.cmd == "score":
        parts = ("tuning",) if args.part == "tuning" or args.round else ("tuning", "test")
        from .gold_report import evaluate_relations_gold

        print(evaluate_relations_gold(root, parts=parts, only_round=args.round))
    elif args.cmd == "misses":
        print(misses(root, args.id))
    else:
        OUT.write_text(json.dumps(build(root, rebuild=args.rebuild), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


def _snippet(text: str, span, width: int = 70) -> str:
    s, e = span
    left = text[max(0, s - width) : s].replace("\n", " ⏎ ")
    right = text[e : e + width // 2].replace("\n", " ⏎ ")
    return f"…{left}⟦{text[s:e]}⟧{right}…"


def misses(root: Path, only: str | None = None) -> str:
    """Missed gold relations and unmatched predictions of the TUNING part only (the test part's misses
    are never printed: rules are written reading tuning articles only)."""
    gold = json.loads(OUT.read_text(encoding="utf-8"))
    tx = texts(root)
    out = []
    for art in gold["articles"]:
        if art["part"] != "tuning" or (only and art["id"] != only):
            continue
        text = tx[art["id"]]
        ex = extract(text)
        pred = [(r, _relation_spans(ex, r)) for r in ex.relations]
        lines = []
        for g in art["relations"]:
            if not any(_matches(sp, g["spans"]) for _r, sp in pred):
                lines.append(f"  MISS {g['kind']} holds={g['holds']} cross={g['cross_sentence']}")
                lines += [f"      {_snippet(text, sp)}" for sp in g["spans"]]
        for r, sp in pred:
            if not any(_matches(sp, g["spans"]) for g in art["relations"]):
                lines.append(f"  FP {r.kind} holds={r.holds}: {r.explanation[:150]}")
                lines += [f"      {_snippet(text, s)}" for s in sp]
        for pert in art["perturbations"]:
            g = art["relations"][pert["relation"]]
            s, e, new = pert["start"], pert["end"], pert["new"]
            changed = text[:s] + new + text[e:]
            pex = extract(changed)
            span = (s, s + len(new))
            if not any(
                r.holds is False and any(_overlaps(x, span) for x in _relation_spans(pex, r)) for r in pex.relations
            ):
                found = any(_matches(sp, g["spans"]) for _r, sp in pred)
                lines.append(f"  UNFLAGGED {g['kind']} ({text[s:e]}→{new}; found unperturbed: {found})")
                lines += [f"      {_snippet(changed, sp if sp[0] != s else span)}" for sp in g["spans"]]
        if lines:
            out.append(f"= {art['id']}")
            out += lines
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
