"""Round 17: a figure set against a rival's figure by a word of a race ("ahead of", "behind", "beating",
"outselling"), where the rival is named first and its figure comes in a clause of its own: "the film took
$33.1m, ahead of a cartoon - now in its fourth week - which took $24.1m"; "the Tories were on 33%, three
points behind Labour on 36%"; "it sold 120,000 copies, outselling its rival, which managed 80,000". The
shorter forms ("well ahead of the £70m", "behind Labour's 36%") are sentence_comparisons' own."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import Article, _fmt, _same_measure

# x's own clause ends, then the race word, the rival (words only, an aside between dashes or commas
# allowed), then what joins the rival to its figure: a relative clause with a verb of takings or scores,
# "on"/"with"/"at", or a bracket.
_RIVAL_GAP = re.compile(
    r"^[^.;!?\d]{0,40}?\b(?P<w>ahead\s+of|in\s+front\s+of|beating|outselling|outpacing|outstripping|behind|trailing)\s+"
    r"(?P<rival>(?:[^.;!?\d(]){2,110}?)"
    r"(?:,?\s*(?:which|that|who)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:took|takes|made|makes|earned|earns|grossed|sold|sells|managed|had|has|got|gets|won|wins|scored|scores|"
    r"raised|raises|drew|draws|attracted|attracts|polled|polls|reached|reaches|recorded|records|posted|posts)\s+"
    r"|\s+(?:on|with|at)\s+|\s*\(\s*)(?:just\s+|only\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
    r"an\s+estimated\s+)?$",
    re.I,
)
_BELOW_WORDS = ("behind", "trailing")
_MAX_GAP = 200  # characters between the two figures: the pattern reads no further (linear)
# the race word has a subject of its own between x and it: "took $5m, while its rival, behind …"
_OTHER_SUBJECT = re.compile(r"\b(?:while|whereas|but|and)\b", re.I)


def _rival_pair(text: str, x: Quantity, y: Quantity) -> tuple[str, bool] | None:
    """(the race word, True if it puts x below y) when the gap between x and y sets y as a rival's figure."""
    if y.start - x.end > _MAX_GAP or not _same_measure(x, y) or x.kind not in ("money", "count", "percent"):
        return None
    if x.kind == "count" and not (x.unit and y.unit) or "score" in (x.unit, y.unit):
        return None  # bare numbers and scores: ranks, ages and results, not takings
    m = _RIVAL_GAP.match(text[x.end : y.start])
    if m is None or _OTHER_SUBJECT.search(text, x.end, x.end + m.start("w")):
        return None
    w = " ".join(m.group("w").lower().split())
    return w, w in _BELOW_WORDS


def comparisons_with_a_rival(art: Article) -> None:
    """Within one sentence: x, a race word, a rival, and the rival's figure y of the same measure in a clause
    of its own. x > y after "ahead of", "beating", "outselling"…; x < y after "behind", "trailing". Currency
    conversions in brackets are read past (the masked text)."""
    text, _masked_ids = art.without_conversions()
    for group in art.by_sentence.values():
        figs = [q for q in group if q.id not in _masked_ids]
        for i in range(len(figs) - 1):
            x, y = figs[i], figs[i + 1]
            found = _rival_pair(text, x, y)
            if found is None:
                continue
            w, below = found
            ok = x.value < y.value if below else x.value > y.value
            art.add(
                "comparison",
                [x],
                y,
                bool(ok),
                f"{x.text} ({_fmt(x.value)}) {'<' if below else '>'} the rival's {y.text} ({_fmt(y.value)}) as "
                f"“{w}” requires: {'consistent' if ok else 'not consistent'}",
                unless_linked=True,
            )
