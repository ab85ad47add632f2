"""The extraction pipeline: segmentation → statements → speakers → quantities → types →
check-worthiness → relations."""

from __future__ import annotations

import bisect
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from . import quantities as Q
from . import relations as R
from . import segmentation, speakers, statements, work
from .checkworthiness import Model, default_model
from .claimtypes import claim_types, numeric_figure
from .types import Extraction, Quantity, Speaker, Statement

# 0.2.0: a restatement (one figure stated twice) is reported only when it breaks (relations round 12)
# 0.3.0: relations round 13, rules widened to the class of wording they handle (more relations reported)
# 0.4.0: quantities round 2 (halves and shares in words, glued units and currencies, a unit ends on a noun) and the
#        relation precision guards (relations/unasserted.py): some figures and relations change, fewer false breaks
# 0.4.2: relations round 17 (a rival's figure, an elided ratio comparand, a bare part's share noun; no sum of a
#        scattered series by chance): a few relations added or removed
# 0.4.4: relations round 19 (the product review): "of whom"/colon lists, two parts with "the remaining", one
#        reading of an "up from"; no relation changed on the 919 tuning and audit articles
# 0.4.5: a figure summed from the list before it ("…, together 44 million of the total") is not read as part of
#        one of its items (browser review)
# 0.4.6: reasons name no figure ("wording “000”") or function word ("wording “of the”"); "1 of its 10 nearest
#        known examples is …"; "the rest of its wording (…)"; hand features held to their training range; "Of the
#        2.4 million passengers, 1.6 million … and 900,000 …": the parts of the opening figure (browser review);
#        "X was quoted (by local media) as saying" names X as the speaker
EXTRACTOR_VERSION = "0.4.6"
# Above this length the cyclic garbage collector is paused during extract() (see _gc_paused).
GC_PAUSE_MIN_CHARS = 10_000


def extract(
    text: str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    threshold: float | None = None,
    model: Model | None = None,
) -> Extraction:
    """Extract statements, quantities and relations from one article.

    threshold: the check-worthiness cut-off; defaults to the model's news threshold.
    on_progress(done, total): a heartbeat through every stage, in characters of three passes over the
    text, so total = 3 × len(text) and is the same in every call of a run: the sentences pass (speakers,
    quantities, statements) reports up to len(text), the scoring pass up to 2 × len(text), the
    relations pass up to total. done never decreases, 0 ≤ done ≤ total, and the last call has
    done == total (one call (0, 0) for an empty text). Calls come at most about every total/1000 units
    of progress, after a sentence, a statement or a group of figures: frequent, but each is cheap.
    """
    if not isinstance(text, str):
        raise TypeError("extract() needs a str")
    with _gc_paused(len(text) >= GC_PAUSE_MIN_CHARS):
        return _extract(text, on_progress, threshold, model)


@contextmanager
def _gc_paused(active: bool) -> Iterator[None]:
    """Pause the cyclic garbage collector for one long text, if it is running, and restore it after.

    A long text makes hundreds of thousands of small objects that stay alive until the result is
    returned; each full collection walks all of them, and they came often enough to make a 200k-character
    text of short sentences twice as slow as ten 20k ones. The extractor makes no reference cycles, so
    the collector has nothing to find in the meantime (reference counting still frees everything). It is
    only re-enabled by the call that disabled it, so concurrent calls never leave it off."""
    if not active or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _extract(text: str, on_progress, threshold, model) -> Extraction:
    model = model or default_model()
    if threshold is None:
        threshold = model.news_threshold
    version = f"{EXTRACTOR_VERSION}+{model.version}"
    out = Extraction(extractor_version=version, threshold=threshold)
    progress = _Progress(on_progress, len(text))
    sentence_of_statement, raw_by_statement = _sentences_pass(text, out, progress)
    R.inherit_units(text, [q for q in out.quantities if q.kind != "date"])
    _scoring_pass(out, raw_by_statement, model, threshold, progress)
    for rank, st in enumerate(sorted(out.statements, key=lambda s: (-s.checkworthiness, s.index)), start=1):
        st.rank = rank
    out.relations = R.find(
        text,
        [q for q in out.quantities if q.kind != "date"],
        sentence_of_statement,
        [st.start for st in out.statements],
        progress=lambda phase, pos: progress.at(2, (phase * len(text) + pos) // R.PHASES),
    )
    progress.finish()
    return out


class _Progress:
    """Throttled on_progress in characters: pass k (0, 1, 2) at offset pos is done = k·n + pos."""

    __slots__ = ("callback", "n", "total", "done", "step")

    def __init__(self, callback: Callable[[int, int], None] | None, n: int) -> None:
        self.callback = callback
        self.n = n
        self.total = 3 * n
        self.done = 0
        self.step = max(1, self.total // 1000)

    def at(self, pass_no: int, pos: int) -> None:
        if self.callback is None:
            return
        done = min(self.total, pass_no * self.n + max(0, min(pos, self.n)))
        if done >= self.done + self.step:
            self.done = done
            self.callback(done, self.total)

    def finish(self) -> None:
        if self.callback is not None:
            self.done = self.total
            self.callback(self.total, self.total)


class _Speakers:
    """Who is speaking, carried from sentence to sentence within the article."""

    __slots__ = ("last_person", "prev_speaker", "prev_had_quote")

    def __init__(self) -> None:
        self.last_person: Speaker | None = None
        self.prev_speaker: Speaker | None = None
        self.prev_had_quote = False

    def of_sentence(self, text: str, ss: int, se: int, s_quotes: list[tuple[int, int]]) -> Speaker | None:
        speaker = speakers.find_speaker(text, ss, se, s_quotes, self.last_person)
        if (
            speaker is None
            and self.prev_speaker is not None
            and self.prev_had_quote
            and speakers.is_quote_only(text, ss, se, s_quotes)
        ):
            speaker = self.prev_speaker
        if speaker is not None and speakers.is_person(speaker) and speaker.text.lower() not in ("he", "she"):
            self.last_person = speaker
        self.prev_speaker = speaker
        self.prev_had_quote = bool(s_quotes)
        return speaker


# A dateline is looked for at the start of the first paragraphs only (headline, byline, first paragraph).
DATELINE_PARAGRAPHS = 4


def _sentences_pass(text: str, out: Extraction, progress: _Progress) -> tuple[list[int], list[list]]:
    """Segment, find quotes, speakers, quantities and statements; fills out.statements and out.quantities.

    Returns the sentence number of each statement and the raw quantities of each statement (for the
    scorer's features)."""
    who = _Speakers()
    sentence_no = 0
    sentence_of_statement: list[int] = []
    raw_by_statement: list[list] = []
    for p_index, (ps, pe) in enumerate(segmentation.paragraphs(text)):
        quotes = speakers.quote_spans(text, ps, pe)
        quote_ends = [b for _, b in quotes]
        for s_index, (ss, se) in enumerate(segmentation.sentences(text, ps, pe)):
            if s_index == 0 and p_index < DATELINE_PARAGRAPHS:
                ss = statements.after_dateline(text, ss, se)
            s_quotes = work.overlapping(quotes, quote_ends, ss, se)
            speaker = who.of_sentence(text, ss, se, s_quotes)
            raw = Q.find(text, ss, se)
            raw_starts = [r.start for r in raw]
            s_quote_ends = [b for _, b in s_quotes]
            for cs, ce in statements.split(text, ss, se, s_quotes):
                st = Statement(
                    index=len(out.statements),
                    start=cs,
                    end=ce,
                    text=text[cs:ce],
                    sentence=sentence_no,
                    paragraph=p_index,
                    speaker=speaker,
                    quotes=work.overlapping(s_quotes, s_quote_ends, cs, ce),
                )
                mine = raw[bisect.bisect_left(raw_starts, cs) : bisect.bisect_left(raw_starts, ce)]
                _add_quantities(text, out, st, mine)
                out.statements.append(st)
                sentence_of_statement.append(sentence_no)
                raw_by_statement.append(mine)
            sentence_no += 1
            progress.at(0, se)
    return sentence_of_statement, raw_by_statement


def _add_quantities(text: str, out: Extraction, st: Statement, mine: list) -> None:
    for r in mine:
        q = Quantity(
            id=len(out.quantities),
            start=r.start,
            end=min(r.end, st.end),
            text="",
            value=r.value,
            unit=r.unit,
            kind=r.kind,
            qualifier=r.qualifier,
            low=r.low,
            high=r.high,
            low_inclusive=r.low_inclusive,
            high_inclusive=r.high_inclusive,
            statement=st.index,
            tolerance=r.tolerance,
        )
        q.text = text[q.start : q.end]
        out.quantities.append(q)
        st.quantity_ids.append(q.id)


def _scoring_pass(out: Extraction, raw_by_statement: list[list], model: Model, threshold: float, progress) -> None:
    """Claim types and check-worthiness of each statement, SCORE_BATCH statements at a time.

    The score depends only on the statement's text and the kinds of its raw quantities, so a repeated
    statement (a pasted table, boilerplate) is scored once per article (our Model only: another
    model's score may read more of the quantities). Our Model scores a batch's new statements together
    (Model.score_many: the same results, with one matrix product for their nearest examples); another
    model is asked statement by statement, in order."""
    scores: dict[tuple, tuple[float, list]] = {}
    batched = type(model) is Model
    w = work.current()
    for b in range(0, len(out.statements), SCORE_BATCH):
        batch = out.statements[b : b + SCORE_BATCH]
        keys = []
        for st in batch:
            _set_types(out, st)
            raw = raw_by_statement[st.index]
            keys.append((st.text, tuple((r.kind, r.unit == "identifier") for r in raw)))
            if w is not None:
                w.add("scoring", 20 * (st.end - st.start) + len(raw) + 50)
        if batched:
            new = {key: raw_by_statement[st.index] for st, key in zip(batch, keys, strict=True) if key not in scores}
            scores.update(zip(new, model.score_many([(key[0], raw) for key, raw in new.items()]), strict=True))
        for st, key in zip(batch, keys, strict=True):
            if not batched:
                scores[key] = model.score(st.text, raw_by_statement[st.index])
            score, reasons = scores[key]
            st.checkworthiness = round(score, 4)
            st.checkworthy = score >= threshold
            st.reasons = list(reasons)
            progress.at(1, st.end)


# statements scored together (Model.score_many): enough for the matrix product to pay, few enough that
# on_progress still comes every few milliseconds
SCORE_BATCH = 32


def _set_types(out: Extraction, st: Statement) -> None:
    qs = [out.quantities[i] for i in st.quantity_ids]
    off = st.start
    numeric = any(
        Q.is_numeric(q) and numeric_figure(st.text, q.start - off, q.end - off, q.kind, q.unit, q.qualifier) for q in qs
    )
    st.types = claim_types(
        st.text, numeric=numeric, has_quote=any(b - a > 2 for a, b in st.quotes), has_speaker=st.speaker is not None
    )
