"""Paragraphs, then sentences, as (start, end) offsets into the original text.

Hand-written rules rather than a library (see README "Why this segmenter"): pysbd is ~0.2M chars/s,
which alone would use up the whole time budget; blingfire's native code is x86-64 only and its last
release is from 2021; syntok never splits after a decimal ("£9.3bn. Rosneft"); spaCy's sentencizer
mis-attaches quotes. The rules below never normalise the text, so every offset is into the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import work

# A paragraph break: a line break followed by optional blank lines (with spaces).
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_BULLET = re.compile(r"[ \t]*(?:[-*•‣◦▪–—]|\d{1,2}[.)])[ \t]+")
_TERMINAL = ".!?…:;\"”’')]"

# Abbreviations that may also end a sentence ("… made in the U.S. The plant …"): after one, a sentence
# ends when the next word is a sentence starter.
CAN_END = frozenset(
    {
        "etc",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "d.c",
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "llc",
        "al",
    }
)
ABBREVIATIONS = (
    frozenset(
        {
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "st",
            "gen",
            "col",
            "lt",
            "sgt",
            "capt",
            "cmdr",
            "adm",
            "maj",
            "rep",
            "sen",
            "gov",
            "pres",
            "supt",
            "insp",
            "det",
            "rev",
            "fr",
            "jr",
            "sr",
            "bros",
            "vs",
            "v",
            "e.g",
            "i.e",
            "cf",
            "approx",
            "est",
            "fig",
            "figs",
            "no",
            "nos",
            "vol",
            "p",
            "pp",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "mon",
            "tue",
            "tues",
            "wed",
            "thu",
            "thur",
            "thurs",
            "fri",
            "sat",
            "sun",
            "mt",
            "ft",
            "ave",
            "blvd",
            "dept",
            "univ",
            "assn",
            "gov't",
            "govt",
            "hon",
            "rt",
        }
    )
    | CAN_END
)
# Words that commonly open a sentence: after "U.S." or "a.m." these mean a real boundary.
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "however",
        "his",
        "her",
        "its",
        "their",
        "in",
        "on",
        "at",
        "as",
        "for",
        "if",
        "when",
        "while",
        "after",
        "before",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
# Possessive runs, and a match only starts at the first mark of a run: "." * n used to backtrack
# through the whole run from every position (quadratic).
_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]++)([\"”’')\]]*+)(\s+)")
_WORD_CHARS = frozenset("_.’'&-")  # with str.isalnum(), exactly re's \w plus . ’ ' & -
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*([\w’'.-]*)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        spans.extend(_trimmed(text, pos, m.start()))
        pos = m.end()
    spans.extend(_trimmed(text, pos, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph into blocks at single newlines that clearly end a unit.

    A newline ends a unit when the next line is a bullet item, when this line is a bullet item, or when
    this line ends with terminal punctuation or is a short headline-like line (no terminal punctuation).
    Otherwise it is a hard wrap inside a sentence and is kept. Linear: a block's length, last character
    and bullet flag are kept as it grows instead of re-reading the block for every line.
    """
    if text.find("\n", start, end) < 0:
        return [(start, end)]
    w = work.current()
    if w is not None:
        w.add("segmentation", end - start)
    out: list[tuple[int, int]] = []
    block = None  # [start, end, end of its bullet marker or -1]
    for s, e in _raw_lines(text, start, end):
        line = text[s:e].strip()
        if not line:
            continue
        m = _BULLET.match(text, s)
        if block is not None and not _ends_unit(text, block, line, m is not None):
            block[1] = e
            continue
        if block is not None:
            _flush(text, block, out)
        block = [s, e, m.end() if m else -1]
    if block is not None:
        _flush(text, block, out)
    return out


def _ends_unit(text: str, block: list, line: str, is_bullet: bool) -> bool:
    """Does the block end before this line?"""
    b0, pe, bullet_end = block
    while pe > b0 and text[pe - 1].isspace():
        pe -= 1
    last = text[pe - 1 : pe] if pe > b0 else ""
    prev_short_headline = (
        pe - b0 < 120
        and last not in _TERMINAL + ","
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'")
    )
    return is_bullet or bullet_end >= 0 or last in _TERMINAL or prev_short_headline


def _flush(text: str, block: list, out: list[tuple[int, int]]) -> None:
    s, e, bullet_end = block
    if 0 <= bullet_end < e:
        s = bullet_end  # the item without its marker
    out.extend(_trimmed(text, s, e))


def _raw_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def _is_boundary(text: str, dot_pos: int, punct: str, next_pos: int, block_start: int) -> bool:
    nxt = text[next_pos : next_pos + 1]
    if not nxt:
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(["):
        return False
    if punct != ".":
        return True  # ! ? … end a sentence before a capital
    word = _word_before(text, max(block_start, dot_pos - 40), dot_pos)
    if not word:
        return True
    word = word.lstrip("(\"“‘'")
    low = word.lower().rstrip(".")
    nm = _NEXT_WORD.match(text, next_pos)
    next_word = nm.group(1).lower() if nm else ""
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if low in ABBREVIATIONS or (word.count(".") >= 1 and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)):
        if low in {"no", "nos"} and not nxt.isdigit():
            return True
        if low in CAN_END:
            return next_word in _STARTERS
        return False
    return True


def _word_before(text: str, lo: int, pos: int) -> str:
    """The run of word characters (letters, digits, . ’ ' & -) that ends at pos (or at pos - 1 when
    text[pos - 1] is a newline), not reaching before lo: what `re.search(r"([\\w.’'&-]+)$", text[lo:pos])`
    finds, in one backward walk instead of a search that restarts at every position."""
    end = pos - 1 if pos > lo and text[pos - 1] == "\n" else pos
    k = end
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in _WORD_CHARS):
        k -= 1
    return text[k:end]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] (one paragraph or a whole text)."""
    if end is None:
        end = len(text)
    out = []
    w = work.current()
    for bs, be in _lines(text, start, end):
        pos = bs
        if w is not None:
            w.add("segmentation", be - bs)
        for m in _CANDIDATE.finditer(text, bs, be):
            punct = m.group(1)
            next_pos = m.end()
            if next_pos >= be:
                continue
            if w is not None:
                w.add("segmentation", 50)  # the word before (≤ 40 characters) and the word after
            if _is_boundary(text, m.start(1), "." if punct == "." else punct[0], next_pos, bs):
                out.extend(_trimmed(text, pos, m.start(3)))
                pos = next_pos
        out.extend(_trimmed(text, pos, be))
    return out


def segment(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """[(paragraph_start, paragraph_end, [sentence spans])]."""
    return [(ps, pe, sentences(text, ps, pe)) for ps, pe in paragraphs(text)]
