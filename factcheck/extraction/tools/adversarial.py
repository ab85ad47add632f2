"""Adversarial benchmark: synthetic texts that used to make a stage super-linear, timed at two sizes.

    python -m factcheck.extraction.tools.adversarial [--only NAME …] [--small 20000] [--large 200000]

Each shape is a text of exactly n characters (a repeated unit, or a prefix plus a run). extract() is
timed with time.process_time() (CPU of this process: the machine is shared), best of a few samples
(see measure()), each run with the word-feature caches emptied (as cold as a new article's words). A
shape passes when CPU(large) / CPU(small) ≤ 12 (linear growth is 10 for 20k → 200k) and
CPU(large) ≤ 2 s. Exit code 1 if any shape fails or raises. The shapes are synthetic: no corpus text.
"""

from __future__ import annotations

import argparse
import itertools
import string
import sys
import time
from collections.abc import Callable

from .. import claimtypes, extract, features

MAX_RATIO = 12.0
MAX_LARGE_CPU = 2.0
ROUNDS = 3


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _prefixed(prefix: str, fill: str) -> Callable[[int], str]:
    return lambda n: (prefix + fill * n)[:n]


def _nested_parens(n: int) -> str:
    half = n // 2
    return "(" * half + ")" * (n - half)


def _digits_with_dots(n: int) -> str:
    return ("1." * n)[:n]


def _distinct_short_sentences(n: int) -> str:
    """ "Qaa. Qab. Qac. …": every sentence different, so nothing is scored twice."""
    out, length = [], 0
    for k in itertools.count(2):
        for letters in itertools.product(string.ascii_lowercase, repeat=k):
            out.append("Q" + "".join(letters) + ". ")
            length += k + 3
            if length >= n:
                return "".join(out)[:n]
    return ""  # unreachable


# name → builder(n) → text of n characters
SHAPES: dict[str, Callable[[int], str]] = {
    "dots": _repeat("."),
    "a + dots": _prefixed("a", "."),
    "exclamation marks": _repeat("!"),
    "question marks": _repeat("?"),
    "ellipsis characters": _repeat("…"),
    "mixed ?!.…": _repeat("?!.…"),
    "dot-space runs": _repeat(". "),
    "ellipses '... '": _repeat("... "),
    "initials 'A. '": _repeat("A. "),
    "abbreviations Mr. Dr. U.S.": _repeat("Mr. Dr. U.S. "),
    "curly open quotes": _repeat("“"),
    "straight quotes": _repeat('"'),
    "every quote kind": _repeat("“”‘’«»„\"'‹›「」"),
    "unbalanced open quotes": _repeat("“x "),
    '"x" said': _repeat('"x" said '),
    '"x" according to the': _repeat('"x" according to the '),
    "“x,” said Bob Smith.": _repeat("“x,” said Bob Smith. "),
    "He said": _repeat("He said "),
    "figures": _repeat("12 "),
    "figures and number words": _repeat("12 one "),
    "long digit run": _prefixed("Total ", "7"),
    "digits with dots": _digits_with_dots,
    "numbers with separators": _repeat("1,234,567.89 "),
    "separator run 1,000,000…": _prefixed("1", ",000"),
    "currency glued": _repeat("£1$2€3¥4₹5"),
    "percentages": _repeat("5% "),
    "small sums": _repeat("3 and 4 and 7 "),
    "small sums of drones": _repeat("3 drones and 4 drones and 7 drones. "),
    "from X to Y": _repeat("from 5 to 6 "),
    "part of whole": _repeat("72 of the 550 drones "),
    "comparisons": _repeat("5 more than 6 "),
    "records": _repeat("a record 5 drones, a previous record 4 drones. "),
    "number words": _repeat("one two three "),
    "hundred hundred": _repeat("hundred "),
    "nested parentheses": _nested_parens,
    "unbalanced parentheses": _repeat("("),
    "clause joins '; '": _repeat("a b c d; "),
    "clauses in parentheses": _repeat("(a b c d; "),
    "RTL text": _repeat("قال الوزير إن ٥٠٪ من الميزانية. שלום עולם. "),
    "zero-width characters": _repeat("a\u200b\u200c\u200d"),
    "combining marks": _repeat("e\u0301\u0302\u0303"),
    "single 200k token": _repeat("a"),
    "newlines only": _repeat("\n"),
    "tabs": _repeat("\t"),
    "line per word": _repeat("a\n"),
    "tab-indented bullets": _prefixed("\t" * 1000, "- x\n"),
    "headline lines": _repeat("Headline\n"),
    "emoji": _repeat("😀🎉 "),
    "hyphen runs": _repeat("-"),
    "dash runs –—": _repeat("–—"),
    "URLs": _repeat("https://example.com/a.b/c?x=1&y=2. "),
    "dates": _repeat("4 July 2004 "),
    "times": _repeat("10:30 "),
    "short sentences": _repeat("Yes. "),
    "distinct short sentences": _distinct_short_sentences,
    "prose": _repeat("The council said it spent £4.5m on 72 of the 550 new buses, up from 537. "),
}


def _cold_caches() -> None:
    """Forget memoised word features and wordings, so that a repeated run of the same text is not
    faster than its first run (a best-of-3 at 20k would otherwise be compared with a cold 200k)."""
    features._WORD_CACHE.clear()
    claimtypes.wording.cache_clear()
    if (words := features.default_embedding().words) is not None:
        words.cache.clear()  # the tokenizer's word pieces


def _cpu(text: str) -> float:
    _cold_caches()
    t0 = time.process_time()
    extract(text)
    return time.process_time() - t0


def measure(build: Callable[[int], str], small: int, large: int) -> tuple[float, float]:
    """CPU seconds at each size. A sample of the small size is the mean of large/small runs (as much
    work as one large run, so both sizes see the same load on a shared machine); samples of the two
    sizes alternate, and the best of each of ROUNDS samples is kept."""
    s_text, l_text = build(small), build(large)
    assert len(s_text) == small and len(l_text) == large, (len(s_text), len(l_text))
    k = max(1, round(large / small))
    best_small = best_large = float("inf")
    for _ in range(ROUNDS):
        best_small = min(best_small, sum(_cpu(s_text) for _ in range(k)) / k)
        best_large = min(best_large, _cpu(l_text))
    return best_small, best_large


def run(names: list[str], small: int, large: int) -> list[tuple[str, float, float, float, bool, str]]:
    rows = []
    extract("Warm-up: the model is loaded once, 5 drones.")
    for name in names:
        try:
            t_small, t_large = measure(SHAPES[name], small, large)
            error = ""
        except Exception as exc:  # a shape that raises fails
            t_small = t_large = float("nan")
            error = f"{exc.__class__.__name__}: {exc}"[:80]
        ratio = t_large / max(t_small, 1e-9)
        ok = not error and ratio <= MAX_RATIO and t_large <= MAX_LARGE_CPU
        rows.append((name, t_small, t_large, ratio, ok, error))
        print(f"  {name}: {t_small:.3f} s / {t_large:.3f} s", file=sys.stderr, flush=True)
    return rows


def table(rows, small: int, large: int) -> str:
    head = f"| shape | CPU s at {small // 1000}k | CPU s at {large // 1000}k | ratio | result |"
    lines = [head, "|---|---|---|---|---|"]
    for name, t_small, t_large, ratio, ok, error in rows:
        verdict = "PASS" if ok else f"FAIL {error}".strip()
        lines.append(f"| {name} | {t_small:.3f} | {t_large:.3f} | {ratio:.1f} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.extraction.tools.adversarial", description=__doc__)
    ap.add_argument("--only", action="append", metavar="NAME", help="a shape to run (repeatable); default: all")
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=200_000)
    args = ap.parse_args(argv)
    names = args.only or list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes: {', '.join(unknown)}")
    wall = time.perf_counter()
    rows = run(names, args.small, args.large)
    print(table(rows, args.small, args.large))
    failed = [r[0] for r in rows if not r[4]]
    print(
        f"\n{len(rows) - len(failed)}/{len(rows)} shapes pass (ratio ≤ {MAX_RATIO:g} and ≤ {MAX_LARGE_CPU:g} s CPU at "
        f"{args.large:,} characters); total wall time {time.perf_counter() - wall:.1f} s"
    )
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
