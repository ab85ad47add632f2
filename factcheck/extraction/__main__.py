"""Command line:

python -m factcheck.extraction FILE|-            a readable report
python -m factcheck.extraction --json FILE|-     one JSON document
python -m factcheck.extraction --jsonl IN OUT    one {"id", "text"} per line in, one result per line out;
    a bad line gets {"id", "error", "line"} in OUT and a message on stderr, the rest still run; exit 1
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


def _jsonl(inp: str, outp: str) -> tuple[int, int]:
    """Process IN line by line; returns (results written, bad lines).

    A bad line (bytes that are not UTF-8, not JSON, not an object, no "text", "text" not a string) does not
    stop the run: it is reported on stderr as "IN:LINE: reason" and gets an error object in OUT at its
    place, {"id": …, "error": "…", "line": N}, so OUT keeps one line per non-blank input line, in order.
    A lone surrogate written as a JSON escape in "text" ("\\ud800") is processed as before (and written
    back as the same escape), with a warning on stderr."""
    with contextlib.ExitStack() as stack:
        if inp == "-":
            src = sys.stdin
            if hasattr(src, "reconfigure"):
                src.reconfigure(errors="surrogateescape")
        else:
            src = stack.enter_context(open(inp, encoding="utf-8", errors="surrogateescape"))
        # errors="backslashreplace": a lone surrogate from a JSON escape in IN is written back as the same
        # JSON escape, so OUT stays valid JSON instead of the run failing.
        if outp == "-":
            dst = sys.stdout
            if hasattr(dst, "reconfigure"):
                dst.reconfigure(errors="backslashreplace")
        else:
            dst = stack.enter_context(open(outp, "w", encoding="utf-8", errors="backslashreplace"))
        n = bad = 0
        for line_no, line in enumerate(src, start=1):
            if not line.strip():
                continue
            item_id, text, error = _parse_line(line)
            if error is None and _has_surrogate(text):
                print(f'{inp}:{line_no}: warning: "text" has a lone surrogate; processed', file=sys.stderr)
            out = _result_line(item_id, text) if error is None else None
            if isinstance(out, Exception):
                error = f"the extractor failed ({out.__class__.__name__}: {str(out)[:200]})"
            if error is not None:
                bad += 1
                print(f"{inp}:{line_no}: {error}", file=sys.stderr)
                out = json.dumps({"id": item_id, "error": error, "line": line_no}, ensure_ascii=False)
            else:
                n += 1
            dst.write(out + "\n")
    return n, bad


def _result_line(item_id, text: str) -> str | Exception:
    try:
        return json.dumps({"id": item_id, **extract(text).to_dict()}, ensure_ascii=False)
    except Exception as exc:  # one text's failure is that line's error, not the batch's
        return exc


def _parse_line(line: str) -> tuple[object, str, str | None]:
    """(id, text, None) for a good line, (id or None, "", reason) for a bad one."""
    if _has_surrogate(line):  # undecodable bytes, kept as lone surrogates by errors="surrogateescape"
        return None, "", "not valid UTF-8"
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
        return None, "", f"not valid JSON ({str(exc)[:200]})"
    if not isinstance(item, dict):
        return None, "", f"not a JSON object but {type(item).__name__}"
    item_id = item.get("id")
    if "text" not in item or item["text"] is None:
        return item_id, "", 'no "text"'
    text = item["text"]
    if not isinstance(text, str):
        return item_id, "", f'"text" is not a string but {type(text).__name__}'
    return item_id, text, None


def _has_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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
        n, bad = _jsonl(*args.jsonl)
        if bad:
            print(f"{bad} bad line(s) reported; {n} line(s) processed", file=sys.stderr)
        return 1 if bad else 0
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
