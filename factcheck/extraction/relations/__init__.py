"""Arithmetic and comparative relations between the quantities of one article, with a verdict.

holds: True (exact), "approximately" (equal within the stated qualifiers or rounding), False, or
None (needs outside evidence, e.g. a record's baseline). Each relation has a one-line explanation.

find() runs RULES in order over one Article: each rule is a function of the Article that reports the
relations it finds with art.add (the first report of a relation wins). Within one sentence:
sentence_sums, sentence_changes, sentence_comparisons; across sentences and headline↔body:
restatement, and across (which runs its own FIGURE_RULES for each figure and the candidates around
it). Shared helpers: common (units, intervals, verdicts, formatting), lookups (bisects and indexes).
A new rule is one more function in RULES (or in across.FIGURE_RULES).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import work
from ..types import Quantity, Relation
from .across import FIGURE_RULES, across_sentences
from .across_changes import companion_changes, stated_amounts
from .common import _COUNTABLE, Article, Collector, _compatible, _sentence_of
from .list_totals import parts_of_an_opened_whole, sums_of_listed_figures
from .listed_parts import parts_with_and_rates, shares_beside_parts
from .lookups import _FirstCompatible, _nearest
from .ratios import ratios_in_words, ratios_with_an_elided_comparand
from .restatement import restatements
from .rivals import comparisons_with_a_rival
from .scopes import parts_of_a_scoped_total
from .sentence_changes import changes_in_sentence
from .sentence_comparisons import comparisons_back_one_sentence, comparisons_in_sentence, record_claims
from .sentence_fallback import changes_fallback
from .sentence_sums import inherit_units, part_of_in_sentence, sums_in_sentence
from .thresholds import thresholds_crossed
from .total_cues import parts_of_a_definite_whole, sums_with_total_cue, vote_splits
from .unasserted import no_amount

__all__ = [
    "FIGURE_RULES",
    "PHASES",
    "RULES",
    "Article",
    "_FirstCompatible",
    "_compatible",
    "_nearest",
    "find",
    "inherit_units",
]

PHASES = 7  # progress(phase, pos) comes with phase in range(PHASES), pos a text offset
# A restatement (one figure stated twice: headline and body, a lead figure and a later one) is reported only
# when it breaks, the same thing given two values. A consistent one is no check a reader needs, and neither
# the hidden gold nor the older bbc_numeric gold counts it as a relation (round 12). The rules still
# run and their reports still steer the rules after them (a pair already linked is not linked again); the
# rule tests set this to True to see them.
REPORT_CONSISTENT_RESTATEMENTS = False
_MAX_PER_SENTENCE = 60

# In this order: part_of_in_sentence gives a bare count the unit of its whole ("72 of the 550 drones")
# before the other rules compare units, and a relation is reported by the first rule that finds it.
RULES: tuple[Callable[[Article], None], ...] = (
    part_of_in_sentence,  # progress phase 0
    parts_of_an_opened_whole,  # 0: "Of the 2.4 million passengers, 1.6 million … and 900,000 …" (2026-12-06)
    sums_in_sentence,  # 1
    changes_in_sentence,  # 2
    comparisons_in_sentence,  # 3
    comparisons_back_one_sentence,  # 4
    record_claims,  # 5
    restatements,  # 6
    across_sentences,  # 6
    ratios_in_words,  # 6
    changes_fallback,  # 6: round 9, a scored fallback for figures no rule above linked
    sums_with_total_cue,  # 6: round 9, sums and parts of counts whose nouns differ, tied by a total word
    parts_of_a_definite_whole,  # 6: round 9, "eight of the detainees" part of "the nine men"
    vote_splits,  # 6: round 9, "an eight to one majority" of "nine law lords"
    thresholds_crossed,  # 6: round 10, a level set against "the $4 trillion mark" it broke through
    parts_of_a_scoped_total,  # 6: round 11, "400,000 copies in Spain" of "nine million copies worldwide"
    parts_with_and_rates,  # 6: round 12, "84,000 jobs, with 12,000 in Wales"; "£2bn over four years, or £500m a year"
    comparisons_with_a_rival,  # 6: round 17, "took $33.1m, ahead of a cartoon, which took $24.1m"
    ratios_with_an_elided_comparand,  # 6: round 17, "£84m in 2004 … Its rival made £42m, half as much"
    sums_of_listed_figures,  # 6: round 18, "closed 6,945 outlets. England accounted for 5,820, Scotland for 610, …"
)


def find(
    text: str,
    qs: list[Quantity],
    sentence_of_statement: list[int],
    statement_starts: list[int] | None = None,
    progress=None,
) -> list[Relation]:
    """Relations between the quantities qs (in text order) of one article.

    Linear in the number of quantities: within-sentence rules look at a bounded neighbourhood of a
    figure (and skip a "sentence" with more than 60 figures), and the article-wide lookups (the total
    a sum is checked against, a record's baseline) are bisects and dictionary lookups, not scans.
    progress(phase, pos), if given, is called as the phases go through the text.
    """
    found = Collector()
    numeric = [q for q in qs if q.kind in _COUNTABLE and not no_amount(text, q)]  # round 15: "one in 10", "1 of 40"
    by_sentence: dict[int, list[Quantity]] = {}
    for q in numeric:
        by_sentence.setdefault(_sentence_of(q, sentence_of_statement), []).append(q)
    # A "sentence" with hundreds of figures is a pasted table, not prose: no within-sentence rules there.
    by_sentence = {k: v for k, v in by_sentence.items() if len(v) <= _MAX_PER_SENTENCE}
    numeric = [q for v in by_sentence.values() for q in v] if len(numeric) > _MAX_PER_SENTENCE else numeric
    w = work.current()
    if w is not None:
        w.add("relations", 200 * len(qs) + len(sentence_of_statement))
    art = Article(
        text, numeric, by_sentence, sentence_of_statement, statement_starts, found.add, progress or _no_progress, found
    )
    for rule in RULES:
        rule(art)
    changes = _changes(found.rels, numeric)
    companion_changes(text, numeric, changes, found.add)
    stated_amounts(art, changes, found.add)
    shares_beside_parts(art, found.add)
    rels = _one_reading_of_a_baseline(_without_weaker_changes(found.rels))
    return rels if REPORT_CONSISTENT_RESTATEMENTS else [r for r in rels if r.kind != "restatement" or r.holds is False]


def _without_weaker_changes(rels: list[Relation]) -> list[Relation]:
    """A change x → y read from its direction alone is dropped when another relation finds the same two
    figures broken against a stated % or difference: the page must not show "a rise from £5.00 to £5.60:
    consistent" beside "from 5 to 5.6 is +12.0%; the text says 8%". (When both hold, both stay: the gold
    may name either the pair or the pair with its %.)"""
    broken = {
        frozenset(r.operands)
        for r in rels
        if r.kind in ("change", "difference") and len(r.operands) == 2 and r.result is not None and r.holds is False
    }
    if not broken:
        return rels
    return [
        r
        for r in rels
        if not (
            r.kind == "change"
            and len(r.operands) == 1
            and r.result is not None
            and r.holds is not False
            and frozenset((r.operands[0], r.result)) in broken
        )
    ]


def _one_reading_of_a_baseline(rels: list[Relation]) -> list[Relation]:
    """One "up from 900" has one reading. When a comparison ties the baseline to one figure and a change ties it
    to another in the same sentence ("employs 1,200 people, of whom 300 are engineers, up from 900": 1,200 > 900,
    or a rise from 900 to 300), the change goes, unless it alone holds: of two attachments the words allow, a
    reader takes the one under which the text makes sense (the review's false "a rise from 11,900 to 7,900")."""
    compared = {}
    for r in rels:
        if r.kind == "comparison" and len(r.operands) == 1 and r.result is not None:
            compared.setdefault(r.result, []).append(r)
    if not compared:
        return rels

    def other_reading(r: Relation) -> bool:
        if r.kind != "change" or len(r.operands) != 1 or r.result is None:
            return False
        rivals = [
            c
            for c in compared.get(r.operands[0], [])
            if c.operands[0] != r.result and len(r.statement_ids) == 1 and c.statement_ids == r.statement_ids
        ]
        return bool(rivals) and not (r.holds is not False and all(c.holds is False for c in rivals))

    return [r for r in rels if not other_reading(r)]


def _changes(rels: list[Relation], numeric: list[Quantity]) -> list[tuple[Quantity, Quantity, int]]:
    """The changes x → y found (one figure to another), with the direction the text gives them: the way
    the figures move if the change holds, the other way if it is broken."""
    by_id = {q.id: q for q in numeric}
    out = []
    for r in rels:
        if r.kind == "change" and len(r.operands) == 1 and r.result is not None and r.holds in (True, False):
            x, y = by_id.get(r.operands[0]), by_id.get(r.result)
            if x is not None and y is not None and x.value != y.value:
                moved = 1 if y.value > x.value else -1
                out.append((x, y, moved if r.holds else -moved))
    return out


def _no_progress(phase: int, pos: int) -> None:
    return None
