"""The extraction pipeline: segmentation → statements → speakers → quantities → types →
check-worthiness → relations."""

from __future__ import annotations

from collections.abc import Callable

from . import quantities as Q
from . import relations as R
from . import segmentation, speakers, statements
from .checkworthiness import Model, default_model
from .claimtypes import claim_types
from .types import Extraction, Quantity, Speaker, Statement

EXTRACTOR_VERSION = "0.1.0"


def extract(
    text: str,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    threshold: float | None = None,
    model: Model | None = None,
) -> Extraction:
    """Extract statements, quantities and relations from one article.

    threshold: the check-worthiness cut-off; defaults to the model's news threshold.
    on_progress(done, total) is called after each paragraph.
    """
    if not isinstance(text, str):
        raise TypeError("extract() needs a str")
    model = model or default_model()
    if threshold is None:
        threshold = model.news_threshold
    version = f"{EXTRACTOR_VERSION}+{model.version}"
    out = Extraction(extractor_version=version, threshold=threshold)
    paras = segmentation.paragraphs(text)
    total = len(paras)
    last_person: Speaker | None = None
    prev_speaker: Speaker | None = None
    prev_had_quote = False
    sentence_no = 0
    sentence_of_statement: list[int] = []
    raw_by_statement: list[list] = []  # the raw quantities of each statement, for the scorer's features
    for p_index, (ps, pe) in enumerate(paras):
        quotes = speakers.quote_spans(text, ps, pe)
        for ss, se in segmentation.sentences(text, ps, pe):
            s_quotes = [(max(a, ss), min(b, se)) for a, b in quotes if a < se and b > ss]
            speaker = speakers.find_speaker(text, ss, se, s_quotes, last_person)
            if (
                speaker is None
                and prev_speaker is not None
                and prev_had_quote
                and speakers.is_quote_only(text, ss, se, s_quotes)
            ):
                speaker = prev_speaker
            if speaker is not None and speakers.is_person(speaker) and speaker.text.lower() not in ("he", "she"):
                last_person = speaker
            raw = Q.find(text, ss, se)
            for cs, ce in statements.split(text, ss, se, s_quotes):
                st = Statement(
                    index=len(out.statements),
                    start=cs,
                    end=ce,
                    text=text[cs:ce],
                    sentence=sentence_no,
                    paragraph=p_index,
                    speaker=speaker,
                    quotes=[(max(a, cs), min(b, ce)) for a, b in s_quotes if a < ce and b > cs],
                )
                mine = [r for r in raw if cs <= r.start < ce]
                for r in mine:
                    q = Quantity(
                        id=len(out.quantities),
                        start=r.start,
                        end=min(r.end, ce),
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
                out.statements.append(st)
                sentence_of_statement.append(sentence_no)
                raw_by_statement.append(mine)
            prev_speaker = speaker
            prev_had_quote = bool(s_quotes)
            sentence_no += 1
        if on_progress is not None:
            on_progress(p_index + 1, total)

    R.inherit_units(text, [q for q in out.quantities if q.kind != "date"])
    for st in out.statements:
        qs = [out.quantities[i] for i in st.quantity_ids]
        numeric = any(Q.is_numeric(q) for q in qs)
        st.types = claim_types(
            st.text, numeric=numeric, has_quote=any(b - a > 2 for a, b in st.quotes), has_speaker=st.speaker is not None
        )
        score, reasons = model.score(st.text, raw_by_statement[st.index])
        st.checkworthiness = round(score, 4)
        st.checkworthy = score >= threshold
        st.reasons = reasons
    for rank, st in enumerate(sorted(out.statements, key=lambda s: (-s.checkworthiness, s.index)), start=1):
        st.rank = rank
    out.relations = R.find(
        text,
        [q for q in out.quantities if q.kind != "date"],
        sentence_of_statement,
        [st.start for st in out.statements],
    )
    return out
