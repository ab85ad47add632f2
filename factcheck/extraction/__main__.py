"""Command line:

python -m factcheck.extraction FILE|-            a readable report
python -m factcheck.extraction --json FILE|-     one JSON document
python -m factcheck.extraction --jsonl IN OUT    one {"id", "text"} per line in, one result per line out
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys

from . import extract
from .types import Extraction


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def report(text: str, ex: Extraction) -> str:
    lines = [
        f"extractor {ex.extractor_version} · threshold {ex.threshold:.2f} · "
        f"{len(ex.statements)} statements, {len(ex.quantities)} quantities, {len(ex.relations)} checks",
        "",
    ]
    for st in ex.statements:
        mark = "★" if st.checkworthy else " "
        lines.append(f"{mark} [{st.index}] {st.checkworthiness:.2f} {','.join(st.types) or '-'}  ({st.start}-{st.end})")
        lines.append(f"    {st.text}")
        if st.speaker:
            title = f" ({st.speaker.title})" if st.speaker.title else ""
            lines.append(f"    speaker: {st.speaker.name}{title}")
        for qid in st.quantity_ids:
            q = ex.quantities[qid]
            qual = f" [{q.qualifier}]" if q.qualifier else ""
            lines.append(f"    q{q.id}: {q.text!r} = {q.value} {q.unit} ({q.kind}){qual} bounds {q.low}..{q.high}")
        if st.reasons:
            lines.append("    why: " + "; ".join(f"{label} {w:+.2f}" for label, w in st.reasons))
    if ex.relations:
        lines += ["", "Checks:"]
        for r in ex.relations:
            holds = {True: "HOLDS", False: "BROKEN", None: "NEEDS EVIDENCE"}.get(r.holds, str(r.holds).upper())
            lines.append(f"  {r.kind:<10} {holds:<15} {r.explanation}")
    return "\n".join(lines) + "\n"


def _jsonl(inp: str, outp: str) -> int:
    with contextlib.ExitStack() as stack:
        src = sys.stdin if inp == "-" else stack.enter_context(open(inp, encoding="utf-8"))
        # errors="backslashreplace": a lone surrogate from a JSON escape in IN is written back as the same
        # JSON escape, so OUT stays valid JSON instead of the run failing.
        if outp == "-":
            dst = sys.stdout
            if hasattr(dst, "reconfigure"):
                dst.reconfigure(errors="backslashreplace")
        else:
            dst = stack.enter_context(open(outp, "w", encoding="utf-8", errors="backslashreplace"))
        n = 0
        for line in src:
            if not line.strip():
                continue
            item = json.loads(line)
            text = item.get("text") or ""
            result = extract(text if isinstance(text, str) else str(text)).to_dict()
            dst.write(json.dumps({"id": item.get("id"), **result}, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m factcheck.extraction", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("file", nargs="?", help="a text file, or - for stdin: prints a readable report")
    g.add_argument("--json", metavar="FILE", help="print one JSON document")
    g.add_argument("--jsonl", nargs=2, metavar=("IN", "OUT"), help="batch: JSON lines in, JSON lines out")
    args = ap.parse_args(argv)
    if args.jsonl:
        _jsonl(*args.jsonl)
        return 0
    if args.json:
        text = _read(args.json)
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")
        json.dump(extract(text).to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    text = _read(args.file)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    sys.stdout.write(report(text, extract(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
