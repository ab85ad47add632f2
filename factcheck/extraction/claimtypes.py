"""Claim types of a statement: numeric, comparison, quote, attribution, event, causal, prediction, opinion.

`numeric` is what a checker means by a numeric claim: a figure that is not a date (from the
quantities), or a figure-less claim about amounts ("the largest", "doubled", "most", "a record",
"a minority", "fell", "per capita"). A date alone never makes a claim numeric.
`quote` is a claim about what someone said: a quotation of three or more words, or reported speech
("X said that …", "X tweeted …", "called it …"). Scare quotes around one or two words are not quotes.
"""

from __future__ import annotations

import re
from functools import lru_cache

COMPARISON = re.compile(
    r"\b(?:more|less|fewer|higher|lower|greater|larger|bigger|smaller|faster|slower|better|worse|"
    r"cheaper|richer|poorer|older|younger|than|compared (?:with|to)|up from|down from|record|"
    r"most|least|best|worst|largest|biggest|highest|lowest|greatest|smallest|fastest|slowest|"
    r"deadliest|heaviest|strongest|weakest|longest|shortest|cheapest|oldest|youngest|richest|poorest|"
    r"top|doubled|tripled|halved|outnumber\w*|overtook|overtaken|surpass\w*|exceed\w*|"
    r"\w+iest|first|only)\b",
    re.I,
)
CAUSAL = re.compile(
    r"\b(?:because|due to|in response to|as a result|result(?:ed|s)? in|caus(?:e|ed|es|ing)|led to|"
    r"lead to|leads to|owing to|thanks to|blam(?:e|ed|es|ing)|triggered|sparked|prompt(?:ed|s)|so that|"
    r"therefore|consequently|responsible for|attributed to)\b",
    re.I,
)
PREDICTION = re.compile(
    r"\b(?:will|shall|won't|going to|is expected to|are expected to|expects?|forecasts?|predict(?:s|ed)?|"
    r"likely to|set to|plans? to|planned|projected|by 20\d\d|next year|next month|next week|"
    r"in the coming|could|(?-i:may)|might)\b",
    re.I,
)
OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|we think|we believe|in my view|should|must|ought to|need to|"
    r"too bad|disappoint\w*|terrible|great|wonderful|disgrace\w*|shameful|cynical|outrageous|"
    r"ridiculous|absurd|fantastic|amazing|awful|best|worst|hope|wish|love|hate|called on|calls on|"
    r"urged|urges|demand\w*|unacceptable|welcome\w*|appalling|brave|beautiful|sad|happy|sorry)\b",
    re.I,
)
EVENT = re.compile(
    r"\b(?:\w{3,}ed|hit|struck|won|lost|began|begun|came|went|fell|rose|grew|met|made|took|gave|"
    r"sold|bought|paid|left|held|built|broke|died|killed|shot|launch\w*|attack\w*|announce\w*|"
    r"sign\w*|arrest\w*|resign\w*|elect\w*|vot\w*)\b",
    re.I,
)


# Figure-less numeric wording: superlatives of amount, changes, shares, rates, multiples.
NUMERIC_WORDING = re.compile(
    r"(?<!track )\b(?!(?:majority|minority) (?:leader|whip))"
    r"(?:most|least|fewest|fewer|more than (?:any|ever)|largest|biggest|highest|lowest|smallest|greatest|"
    r"record(?:s|-\w+)?|doubled|tripled|trebled|quadrupled|halved|twice|triple|double|half of|"
    r"majority|minority|per capita|per cent|percent(?:age)?|rate of|(?:birth|death|crime|unemployment|"
    r"inflation|interest|infection|mortality|poverty|growth|tax) rates?|increased?|decreased?|"
    r"declined?|dropped|plunged|soared|surged|fell|fallen|rose|risen|grew|grown|shrank|cheaper|costlier|"
    r"more expensive|richest|poorest|leading producer|number of|zero|none of|not a single|no one|"
    r"nobody|every single|all of the|outnumber\w*|top (?:ten|five|three)|ranked|ranks?|"
    r"unprecedented|all-time|most-\w+)\b",
    re.I,
)
# Reported speech: a speech verb (with or without "that"), or "called X (a|the) Y".
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tweeted|tweets|wrote|writes|posted|claimed|claims|stated|states that|"
    r"declared|admitted|announced|asserted|insisted|argued|remarked|quoted|according to|"
    r"called (?:\w+ ){1,4}(?:a|an|the)\b|described (?:\w+ ){1,4}as)\b",
    re.I,
)
# A quotation of three or more words between straight or curly double quotes (or curly single ones).
LONG_QUOTE = re.compile(r"[\"“”]\s*+[^\"“”\s]++(?:\s++[^\"“”\s]++){2,}+\s*+[\"“”]|‘[^‘’\s]*+(?:\s++[^‘’\s]*+){2,}+’")


def numeric_wording(text: str) -> bool:
    return NUMERIC_WORDING.search(text) is not None


def reported_speech(text: str) -> bool:
    return REPORTED_SPEECH.search(text) is not None or LONG_QUOTE.search(text) is not None


@lru_cache(maxsize=4096)
def wording(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(comparison, causal, prediction, opinion, event) cues; shared with the check-worthiness features."""
    return (
        COMPARISON.search(text) is not None,
        CAUSAL.search(text) is not None,
        PREDICTION.search(text) is not None,
        OPINION.search(text) is not None,
        EVENT.search(text) is not None,
    )


def claim_types(text: str, *, numeric: bool, has_quote: bool, has_speaker: bool) -> list[str]:
    comparison, causal, prediction, opinion, event = wording(text)
    types = []
    if numeric or numeric_wording(text):
        types.append("numeric")
    if comparison:
        types.append("comparison")
    if reported_speech(text) or (has_quote and has_speaker):
        types.append("quote")
    if has_speaker:
        types.append("attribution")
    if event:
        types.append("event")
    if causal:
        types.append("causal")
    if prediction:
        types.append("prediction")
    if opinion:
        types.append("opinion")
    return types
