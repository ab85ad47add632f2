"""Direct quotes and who is speaking: "X said", "said X", "according to X", "X told", "quoted X as saying".

Rules over the original text. A speaker's title is split off when it is written before the name
("Ukrainian President Volodymyr Zelensky"). A pronoun subject ("He said") is resolved to the last named
speaker. A sentence that is only a quote inherits the previous sentence's speaker.
"""

from __future__ import annotations

import re

from . import work
from .types import Speaker

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_QUOTE_MARK = re.compile('[“«„"]')
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|adding|stated|states|stating|warned|warns|argued|argues|claimed|"
    "claims|insisted|insists|explained|announced|announces|wrote|writes|condemned|condemns|described|"
    "describes|called|calls|reiterated|reiterates|admitted|admits|noted|notes|confirmed|confirms|denied|"
    "denies|reported|reports|stressed|urged|urges|asked|replied|revealed|acknowledged|suggested|"
    "predicted|estimated|believes|believed|thinks|accused|accuses|praised|promised|vowed|pledged|"
    "declared|told"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_INVERSION = re.compile(rf"(?:[,”\"’]\s*|\b)(?:{SPEECH_VERBS})\s+(?=[A-Z]|(?:[a-z]+\s+){{1,2}}[A-Z])")
_ACCORDING = re.compile(r"\b(?:according to|As per|as per|quoted|cited)\s+", re.I)
# "X was quoted (by local media) as saying": not "shares were quoted at 300p", nor "prices were cited as the reason"
_QUOTED_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\b(?=[^.;!?\n]{0,50}?\bas\s+(?:saying|stating|telling)\b)"
)
_QUOTED_AS = re.compile(r"\s+as\s+(?:saying|stating|telling)\b")
_TOKEN = re.compile(r"[\w’'.&-]+")
_LOWER_ORG = re.compile(r"\b((?:the)\s+(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s+$")
_LOWER_ORG_VERBS = frozenset(
    ["said", "says", "told", "added", "stated", "reported", "warned", "confirmed", "announced"]
)
_PRONOUN = re.compile(r"\b(he|she|He|She)\s*$")
_DETERMINER = re.compile(r"(?:the|a|an)\s+")
_LOWER_SOURCE = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*")
_APPOSITION = re.compile(r",\s+((?:the\s+)?[a-z][^,.;”\"]{2,80})")
# The longest title word is far shorter: a token is never read further than this to test for one.
_TITLE_LOOKAHEAD = 64

TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "interior",
        "defence",
        "defense",
        "home",
        "finance",
        "health",
        "deputy",
        "secretary",
        "chancellor",
        "chief",
        "executive",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "director",
        "governor",
        "senator",
        "mayor",
        "general",
        "gen.",
        "lieutenant",
        "colonel",
        "commander",
        "admiral",
        "ambassador",
        "commissioner",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "professor",
        "prof",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "sir",
        "lord",
        "lady",
        "judge",
        "justice",
        "officer",
        "official",
        "analyst",
        "economist",
        "ceo",
        "cfo",
        "founder",
        "boss",
        "manager",
        "coach",
        "captain",
        "sgt.",
        "inspector",
        "superintendent",
        "attorney",
        "state",
        "first",
        "lady",
        "mp",
        "mep",
        "rep.",
        "sen.",
        "gov.",
        "premier",
        "economy",
        "trade",
        "culture",
        "education",
        "transport",
        "environment",
        "justice",
        "labour",
        "labor",
        "opposition",
        "party",
        "councillor",
        "bosses",
        "boss",
        "officials",
        "executives",
        "analysts",
        "economists",
        "ministers",
        "critics",
        "experts",
        "investigators",
        "researchers",
        "sources",
    ]
)
_ORG_WORDS = frozenset(
    [
        "force",
        "forces",
        "ministry",
        "office",
        "department",
        "council",
        "commission",
        "party",
        "government",
        "agency",
        "bank",
        "army",
        "police",
        "service",
        "committee",
        "union",
        "court",
        "kremlin",
        "institute",
        "association",
        "organisation",
        "organization",
        "authority",
        "administration",
        "board",
        "group",
        "company",
        "corporation",
        "federation",
        "league",
        "bureau",
        "centre",
        "center",
        "university",
        "media",
        "network",
        "news",
    ]
)
_LEADING_NOISE = frozenset(
    ["but", "and", "so", "then", "now", "however", "meanwhile", "also", "yet", "still", "later", "earlier"]
)
_PERSONAL_NAME = re.compile(r"^[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'.-]+)+$")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of direct quotes, including the quote marks. Curly pairs, then straight pairs in order."""
    w = work.current()
    if w is not None:
        w.add("speakers", end - start)
    spans = []
    i = start
    while i < end:
        m = _QUOTE_MARK.search(text, i, end)  # the next opening mark (the characters between are skipped)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPEN_CLOSE:
            j = text.find(_OPEN_CLOSE[ch], i + 1, end)
            if j < 0:
                spans.append((i, end))  # a quote that runs to the end of the paragraph
                break
            spans.append((i, j + 1))
            i = j + 1
            continue
        if ch == '"':
            j = text.find('"', i + 1, end)
            if j < 0:
                break
            spans.append((i, j + 1))
            i = j + 1
    return spans


def _split_title(tokens: list[str]) -> tuple[str | None, list[str]]:
    """["Kremlin", "spokesman", "Dmitry", "Peskov"] -> ("Kremlin spokesman", ["Dmitry", "Peskov"])."""
    if not tokens[-1][:1].isupper():
        return None, tokens  # "Rover bosses": a group, not a title before a name
    k = 0
    while k < len(tokens) - 1:
        if tokens[k].lower() in TITLE_WORDS or tokens[k + 1].lower() in TITLE_WORDS:
            k += 1
            continue
        break
    name = tokens[k:]
    if k == 0 or any(t.lower().strip(".") in _ORG_WORDS for t in name):
        return None, tokens
    return " ".join(tokens[:k]), name


def _name_run_before(text: str, lo: int, pos: int) -> tuple[int, int, list[str]] | None:
    """The capitalised run (with title words) that ends right before pos."""
    toks = list(_TOKEN.finditer(text, max(lo, pos - 120), pos))
    chosen: list[re.Match] = []
    i = len(toks) - 1
    while i >= 0:
        t = toks[i]
        gap = text[t.end() : (chosen[0].start() if chosen else pos)]
        if gap.strip() not in ("",) and not (not chosen and gap.strip() == ","):
            break
        w = t.group(0)
        lw = w.lower()
        if w[:1].isupper() or lw in TITLE_WORDS or (chosen and lw in ("of", "for", "de", "van", "von", "al", "bin")):
            chosen.insert(0, t)
            i -= 1
            continue
        break
    while chosen and chosen[0].group(0).lower() in ("of", "for", "de", "van", "von", "al", "bin"):
        chosen.pop(0)
    while chosen and chosen[0].group(0).lower() in _LEADING_NOISE:
        chosen.pop(0)
    if not chosen:
        return None
    if len(chosen) == 1 and chosen[0].group(0) in ("The", "A", "An", "It", "This", "That", "They", "We", "I", "You"):
        return None
    return chosen[0].start(), chosen[-1].end(), [t.group(0) for t in chosen]


def _name_run_after(text: str, pos: int, hi: int) -> tuple[int, int, list[str]] | None:
    toks = []
    p = pos
    for t in _TOKEN.finditer(text, pos, min(hi, pos + 120)):
        if text[p : t.start()].strip():
            break
        w = t.group(0)
        lw = w.lower()
        nxt = _TOKEN.match(text, t.end() + 1, t.end() + 1 + _TITLE_LOOKAHEAD) if t.end() < hi else None
        leading_title = not toks and (
            lw in TITLE_WORDS or (nxt is not None and nxt.group(0).lower() in TITLE_WORDS and w.islower())
        )
        if lw in ("of", "for") and sum(1 for x in toks if x.group(0)[:1].isupper()) >= 2:
            break  # "Marie-Pierre Ripert of IxisCIB": the affiliation is not part of the name
        if w[:1].isupper() or leading_title or (toks and lw in TITLE_WORDS) or (toks and lw in ("of", "for")):
            toks.append(t)
            p = t.end()
            continue
        break
    while toks and toks[-1].group(0).lower() in ("of", "for"):
        toks.pop()
    while toks and not toks[-1].group(0)[:1].isupper():
        toks.pop()
    if not toks:
        return None
    # trailing sentence punctuation glued to the last token
    s, e = toks[0].start(), toks[-1].end()
    while e > s and text[e - 1] in ".,":
        e -= 1
    words = text[s:e].split()
    return (s, e, words) if words else None


def _make(text: str, s: int, e: int, words: list[str]) -> Speaker:
    title, name_words = _split_title(words)
    name = " ".join(name_words)
    if title:
        ns = text.find(name_words[0], s, e)
        if ns >= 0:
            s = ns
    return Speaker(name=name, start=s, end=e, title=title, text=text[s:e])


def find_speaker(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], last: Speaker | None = None
) -> Speaker | None:
    """The speaker of the sentence text[start:end], or None.

    Linear in the sentence: quote membership is a bisect (work.Inside), and each candidate reads a
    bounded window (120 characters around it) and no slice of the rest of the sentence.
    """
    inside = work.Inside(quotes)
    w = work.current()
    if w is not None:
        w.add("speakers", 3 * (end - start) + len(quotes))
    return (
        _speaker_before_verb(text, start, end, inside, last, w)
        or _speaker_before_passive(text, start, end, inside, w)
        or _speaker_after_according(text, start, end, inside, w)
        or _speaker_after_inversion(text, start, end, inside, w)
    )


def _speaker_before_verb(text, start, end, inside, last, w) -> Speaker | None:
    """ "X said", "X told", "X condemned it as"; "He said" → the last named speaker."""
    for m in _VERB.finditer(text, start, end):
        if w is not None:
            w.add("speakers", 200)
        if inside(m.start()):
            continue
        pm = _PRONOUN.search(text, max(start, m.start() - 6), m.start())
        if pm:
            if last is not None:
                return Speaker(name=last.name, start=pm.start(1), end=pm.end(1), title=last.title, text=pm.group(1))
            continue
        run = _name_run_before(text, start, m.start())
        if run:
            return _make(text, *run)
        lm = _LOWER_ORG.search(text, max(start, m.start() - 60), m.start())
        if lm and m.group(0) in _LOWER_ORG_VERBS and not inside(lm.start()):
            s, e = lm.span(1)
            return Speaker(name=text[s:e], start=s, end=e, text=text[s:e])
    return None


def _speaker_before_passive(text, start, end, inside, w) -> Speaker | None:
    """ "Interior Minister Ihor Klymenko was quoted by local media as saying" (browser review 2026-12-06)."""
    for m in _QUOTED_PASSIVE.finditer(text, start, end):
        if w is not None:
            w.add("speakers", 200)
        if not inside(m.start()):
            run = _name_run_before(text, start, m.start())
            if run:
                return _make(text, *run)
    return None


def _speaker_after_according(text, start, end, inside, w) -> Speaker | None:
    """ "according to X", "local media quoted X as saying"."""
    for m in _ACCORDING.finditer(text, start, end):
        if w is not None:
            w.add("speakers", 200)
        if inside(m.start()):
            continue
        p = m.end()
        det = _DETERMINER.match(text, p, end)
        run = _name_run_after(text, det.end() if det else p, end)
        if run:
            s = p if det else run[0]
            sp = _make(text, s, run[1], text[s : run[1]].split())
            if sp.name:
                return sp
        lm = _LOWER_SOURCE.match(text, p, end)
        if lm:
            return Speaker(name=lm.group(0), start=p, end=lm.end(), text=lm.group(0))
    return None


def _speaker_after_inversion(text, start, end, inside, w) -> Speaker | None:
    """ "..., said Robert Smith, head of X" / "” said X"."""
    for m in _INVERSION.finditer(text, start, end):
        if w is not None:
            w.add("speakers", 200)
        if inside(m.end() - 1):
            continue
        run = _name_run_after(text, m.end(), end)
        if run and run[2][0] not in ("The", "It", "That", "This", "On", "In", "At"):
            sp = _make(text, *run)
            if sp.name:
                return _with_apposition_title(text, sp, end)
    return None


def _with_apposition_title(text: str, sp: Speaker, end: int) -> Speaker:
    """ "said Robert Sinche, head of currency strategy at Bank of America" -> title from the apposition."""
    if sp.title:
        return sp
    m = _APPOSITION.match(text, sp.end, end)
    if m and m.group(1).split()[0].lower().strip() in TITLE_WORDS | {"the"}:
        sp.title = m.group(1).strip()
    return sp


def is_person(sp: Speaker) -> bool:
    return bool(_PERSONAL_NAME.match(sp.name)) or bool(sp.title)


def is_quote_only(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """True if the sentence is one direct quote with at most closing punctuation outside it."""
    return any(a <= start + 1 and b >= end - 2 and b - a >= end - start - 3 for a, b in quotes)
