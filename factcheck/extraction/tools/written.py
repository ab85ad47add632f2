"""Articles written by this project, in its own words, with their figures' relations marked (issue 12).

They are the only annotated news text this project may ship and learn from: the BBC texts of the relations
gold are research-only (``../shared/data/bbc-news-fulltext/PROVENANCE.md``: "do not ... put it in a
product"), so a model fitted on them could not ship. Files: ``gold/written/*.txt``. Format::

    === w1-001 | business
    Northfield Rail's profit climbs to ⟦a|£84m⟧
    <blank line>
    Northfield Rail made a pre-tax profit of ⟦b|£84m⟧ in 2025 ...
    That compares with ⟦c|£75m⟧ a year earlier.
    ---
    r change c b T
    r restate a b

A figure taking part in a relation is marked ``⟦label|text⟧``; the markers are removed and their spans kept.
``r KIND LABEL… HOLDS`` (HOLDS: T true, F false as written, A approximately, N needs outside evidence).
An article with no ``r`` line is a control. Offline tooling, never imported by extract():

python -m factcheck.extraction.tools.written check [FILE…]   # parse, count, and show unseen figures
python -m factcheck.extraction.tools.written score [--part tuning|test|all]

Split, fixed before any article was read by whoever writes rules: ``part(id)`` — the sha256 of
``"written-split:" + id``, first 8 hex digits as a number, odd → test, even → tuning. Rules may be written
reading tuning articles only; the test part is scored, never read.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "gold" / "written"
KINDS = {"change", "comparison", "part_of", "sum", "difference", "percentage", "ratio", "record", "restate"}
HOLDS = {"T": True, "F": False, "A": "approximately", "N": None}
_MARK = re.compile(r"⟦([A-Za-z0-9_]+)\|([^⟦⟧]+)⟧")
_HEAD = re.compile(r"^=== (\S+) \| (\S+)\s*$")


class WrittenError(ValueError):
    pass


def _strip_marks(marked: str, where: str) -> tuple[str, dict[str, tuple[int, int]]]:
    out, spans, pos = [], {}, 0
    length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        label, figure = m.group(1), m.group(2)
        if label in spans:
            raise WrittenError(f"{where}: label {label!r} used twice")
        spans[label] = (length, length + len(figure))
        out.append(figure)
        length += len(figure)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise WrittenError(f"{where}: a marker is not closed or is nested")
    return text, spans


def _relation(line: str, spans: dict, where: str) -> dict:
    parts = line.split()
    if len(parts) < 4 or parts[0] != "r":
        raise WrittenError(f"{where}: bad relation line {line!r}")
    kind, labels, holds = parts[1], parts[2:-1], parts[-1]
    if kind not in KINDS:
        raise WrittenError(f"{where}: unknown kind {kind!r}")
    if holds not in HOLDS:
        raise WrittenError(f"{where}: unknown verdict {holds!r}")
    missing = [x for x in labels if x not in spans]
    if missing:
        raise WrittenError(f"{where}: relation names unmarked labels {missing}")
    return {"kind": kind, "labels": labels, "spans": [spans[x] for x in labels], "holds": HOLDS[holds]}


def parse(source: str, name: str = "?") -> list[dict]:
    """Articles of one file: {id, category, text, spans: {label: (start, end)}, relations: [...]}"""
    articles, head, body = [], None, []
    for number, line in enumerate([*source.splitlines(), "=== END | -"], 1):
        m = _HEAD.match(line)
        if not m:
            if head is None and line.strip() and not line.startswith("#"):
                raise WrittenError(f"{name}:{number}: text before the first === line")
            body.append(line)
            continue
        if head is not None:
            articles.append(_article(head, body, f"{name}:{head[2]}"))
        head, body = (m.group(1), m.group(2), number), []
    ids = [a["id"] for a in articles]
    if len(ids) != len(set(ids)):
        raise WrittenError(f"{name}: an article id is used twice")
    return articles


def _article(head, lines: list[str], where: str) -> dict:
    if "---" not in [x.strip() for x in lines]:
        raise WrittenError(f"{where}: no '---' line after the text")
    cut = [x.strip() for x in lines].index("---")
    marked = "\n".join(lines[:cut]).strip("\n")
    text, spans = _strip_marks(marked, where)
    rels = [_relation(x.strip(), spans, where) for x in lines[cut + 1 :] if x.strip() and not x.startswith("#")]
    return {"id": head[0], "category": head[1], "text": text, "spans": spans, "relations": rels}


def part(article_id: str) -> str:
    return "test" if int(hashlib.sha256(f"written-split:{article_id}".encode()).hexdigest()[:8], 16) % 2 else "tuning"


def load(folder: Path = FOLDER) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        out.extend(parse(path.read_text(encoding="utf-8"), path.name))
    return out


def _check(paths: list[Path]) -> int:
    from .. import extract

    total = rels = controls = unseen = 0
    for path in paths:
        try:
            articles = parse(path.read_text(encoding="utf-8"), path.name)
        except WrittenError as e:
            print(f"ERROR {e}")
            return 1
        for art in articles:
            total += 1
            rels += len(art["relations"])
            controls += not art["relations"]
            ex = extract(art["text"])
            for label, (s, e) in art["spans"].items():
                if not any(q.start < e and s < q.end for q in ex.quantities):
                    unseen += 1
                    print(f"  {art['id']}: the extractor finds no figure at ⟦{label}|{art['text'][s:e]}⟧")
    print(f"{total} articles, {rels} relations, {controls} controls; {unseen} marked figures the extractor misses")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.extraction.tools.written")
    ap.add_argument("command", choices=["check", "score"])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--part", default="all", choices=["tuning", "test", "all"])
    args = ap.parse_args(argv)
    if args.command == "score":
        from .written_score import report

        print(report(load(), args.part))
        return 0
    return _check([Path(f) for f in args.files] or sorted(FOLDER.glob("*.txt")))


if __name__ == "__main__":
    sys.exit(main())
