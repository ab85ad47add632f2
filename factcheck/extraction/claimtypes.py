"""Claim types of a statement: numeric, comparison, quote, attribution, event, causal, prediction, opinion.

`numeric` is what a checker means by a numeric claim: a figure that is not a date (from the
quantities), or a figure-less claim about amounts ("the largest", "doubled", "most", "a record",
"a minority", "fell", "per capita"). A date alone never makes a claim numeric, nor does an age that
describes a person ("a 21-year-old") or a small count of people or things ("his seven children").
`quote` is a claim about what someone said: a quotation of three or more words, or reported speech
("X said that …", "X tweeted …", "called it …", "warned that …"), or the end of a quotation whose start
was cut off. Scare quotes around one or two words are not quotes, and what a video, a post or a report
"says" is a claim about its content, not about a person's words. A figure "according to" a body is
attributed (the `attribution` type, from its speaker), not a quote: the checker checks the figure against
the body's data, not anyone's words (browser review 2026-12-05: "… fell to 4.2%, according to the ONS").
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


# Figure-less numeric wording: superlatives of amount, changes, shares, rates, multiples, statistics.
NUMERIC_WORDING = re.compile(
    r"\b(?<!track )(?!(?:majority|minority) (?:leader|whip))"
    r"(?:fewest|fewer|more than (?:any|ever)|"
    r"doubled|tripled|trebled|quadrupled|halved|twice|half of|"
    r"majority|minority|per capita|per cent|percent(?:age)?|rate of|(?:birth|death|crime|unemployment|"
    r"inflation|interest|infection|mortality|poverty|growth|tax) rates?|increased?|decreased?|"
    r"cheaper|costlier|more expensive|richest|poorest|leading producer|zero|none of|not a single|no one|"
    r"nobody|every single|all of the|outnumber\w*|top (?:ten|five|three)|ranked|"
    # "rank(s)" a verb with a place ("ranks 5th", "ranks among the top"), not the noun ("the ranks of")
    r"ranks?(?=(?:\s+[\w'’-]+){0,4}?\s+(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|tenth|last|top|"
    r"bottom|among|highest|lowest|higher|lower|high|low)\b)|"
    r"unprecedented|all-time|most-\w+|statistics|stats|census|"
    # the numbers themselves: "a math error", "the average wage", "miscalculated the cost"
    r"math|maths|arithmetic|(?:mis)?calculations?|miscalculat\w+|averages?|median|"
    # opinion polls, not polling places: "ahead in the polls", "polls show", "polling data"
    r"(?:in|ahead|behind|lead\w*|trail\w*) (?:\w+ ){0,4}?(?:the |opinion |recent |latest )?polls|"
    r"(?:opinion |recent |latest |new )?polls? (?:show|shows|showed|found|finds|suggests?|indicates?)|"
    r"polling (?:data|numbers|average|lead)|"
    # a count of zero: "has not passed a single bill", "did not appoint any black judges"
    r"(?:not|n't|never)\s+(?:\w+\s+){0,2}(?:a single|any\s+(?:\w+\s+){0,2}\w+s))\b",
    re.I,
)
# "most"/"least" as a quantifier ("most deaths", "most of the", "the most votes") is about amounts; before an
# adjective or adverb ("the most ancient", "most likely") it is a superlative of quality, not an amount.
# Without a part-of-speech tagger, an adjective or adverb is told by its ending or a short list.
_ADJ = (
    r"(?:\w+(?:ous|ful|ive|ent|ant|al|ic|ed|able|ible|ing|ly|less|ish|ary|ory|ile|ar)|"
    r"likely|important|popular|powerful|beautiful|famous|dangerous|ancient|common|corrupt|advanced|"
    r"senior|hard|fair|free|safe|secure|open|honest|stupid|evil|bad|good|well|often|recent|severe|"
    r"prominent|influential|wanted|trusted|hated|loved|liked|feared|known|visited|watched|read|"
    r"polluted|populous|expensive|deadly|qualified|vulnerable|fit|obvious|clear|strict|tough)"
)
# A superlative of size is about an amount ("the largest city", "the highest rate"), except of an evaluative
# noun ("the biggest problem", "the highest court"); "greatest" is one of quality ("the greatest president")
# unless an amount follows ("the greatest number", "its greatest loss").
_EVALUATIVE = (
    r"(?:problems?|threats?|mistakes?|challenges?|concerns?|issues?|dangers?|enem(?:y|ies)|fans?|supporters?|"
    r"critics?|lies|liars?|frauds?|hoax(?:es)?|scandals?|failures?|success(?:es)?|priorit(?:y|ies)|risks?|fears?|"
    r"honou?rs?|awards?|court|office|regard|respect|achievements?|victor(?:y|ies)|heroes|hero|jokes?|questions?)"
)
_AMOUNT = (
    r"(?:numbers?|amounts?|shares?|increases?|decreases?|declines?|loss(?:es)?|gains?|rises?|falls?|drops?|"
    r"growth|percentages?|proportions?|majority|debts?|deficits?|surplus|concentrations?|totals?|rates?)"
)
_SUPERLATIVE = re.compile(
    rf"\b(?:(?:largest|biggest|highest|lowest|smallest)\b(?!\s+(?:[\w-]+\s+)?{_EVALUATIVE}\b)|"
    rf"greatest\b(?=\s+(?:[\w-]+\s+)?{_AMOUNT}\b))",
    re.I,
)
# "record" as an amount ("a record high", "hit a record", "broke the world record", "record profits"), not a
# document or a disc ("a criminal record", "a record of the meeting", "the record was released", "record
# label", "off the record"). Before a noun, "record" describes an amount unless the noun is of the disc trade
# or a function word follows ("records and posters", "Island Records as"), or a determiner precedes it
# ("the record was", but "the record high").
_DISC = (
    r"(?:labels?|compan(?:y|ies)|shops?|stores?|producers?|industry|dealers?|deals?|players?|collections?|"
    r"sleeves?|books?|keeping|straight|executives?|buyers?|bosses|of|and|or|as|is|was|were|are|to|for|in|on|at|"
    r"by|with|that|which|the|a|an|this|his|her|their|its|i|he|she|we|they|you|it|would|will|has|had|have)"
)
_RECORD = re.compile(
    r"\b(?:(?:(?:broke|breaks?|breaking|beat|beats|beaten|smashed|sets?|setting|holds?|held|equall?ed|tied|hit|"
    r"hits|hitting|reach(?:ed|es)?|near(?:ed|s)?)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w-]+\s+)?|"
    r"(?:a|new|all-time|world|national|historic|personal|previous|old)\s+)"
    r"(?<!track )records?\b(?!\s+(?:of|label|company|store|shop|player|book|keeping|straight)\b)|"
    r"(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!\bevery )(?<!\bthis )(?<!\bthat )(?<!\bmy )"
    rf"(?<!\bour )(?<!\byour )(?<!\btrack )records?[- ](?!{_DISC}\b)[a-z]|"
    r"records?[- ](?:highs?|lows?|levels?|numbers?|breaking|setting)\b)",
    re.I,
)
# "double"/"triple" as an amount: before "the", "what", a figure ("double the cost", "double digits") or as a
# verb ("will double", "to triple"); not as the adjective of a kind ("a double standard", "a triple jump").
_MULTIPLE = re.compile(
    r"\b(?:double|triple)(?=\s+(?:the|that|what|its|their|his|her|our|this|in|by|since|over|from|to|digits?|"
    r"figures?|\d+)\b|-digit|\s*[.,;]|\s*$)|"
    r"\b(?:to|will|would|could|can|may|might|did|does|nearly|almost|roughly|about)\s+(?:double|triple)\b",
    re.I,
)
_QUANTIFIER_MOST = re.compile(rf"\b(?:most|least)\b(?!\s+{_ADJ}\b)", re.I)
# A comparison of amounts: "more attempts than others", "fewer jobs than in 2010", "less money than", up to
# eight words apart within a clause ("more chance of a flood in the valley than"); the word after
# "more" is not an adjective ("more important than" compares qualities), and "rather than" / "other than"
# are not comparisons. A parenthesis is an aside and counts as one word ("more seats (out of … ) than").
_MORE_THAN = re.compile(
    rf"\b(?:more|less|fewer)\s+(?!{_ADJ}\b)(?!than\b)\w+(?:\s*+\([^()]{{0,200}}+\)|\s++(?!\()[^\s,;:!?]++){{0,7}}?"
    r"(?<!\brather)(?<!\bother)\s+than\b",
    re.I,
)
# A change of an amount ("fell", "rose", "dropped") — but not a fall, a rise or a drop in space or rank
# ("fell from space", "rose to power", "dropped out of the race", "grew up") unless a figure follows.
_CHANGE = re.compile(
    r"\b(?:declined?|dropped|plunged|soared|surged|fell|fallen|rose|risen|grew|grown|shrank|"
    r"shrunk|jumped|climbed|slumped|tumbled)\b"
    r"(?!\s+(?:from|off|out|up|down|into|onto|apart|asleep|ill|victim|silent|through|over|behind|in love|"
    r"to power|to fame|against|on|upon|with|short|prey|foul|flat|the stairs)\b(?!\s*[£$€]?\d))",
    re.I,
)
# "a number of" means "several"; "the number of X" is about an amount.
_NUMBER_OF = re.compile(r"\b(?<!a )(?<!a growing )(?<!an increasing )(?<!a large )(?<!a small )number of\b", re.I)

# A span of time that only frames the claim ("in the past five years", "for 6 months", "within two weeks",
# "the last three and a half years") is, like a date, not what a numeric claim is about. A qualified
# duration ("more than eight hours") or one that is measured ("lasted 45 minutes") still counts.
TIME_UNIT = re.compile(
    r"^(?:(?:and a half|and a quarter)\s+)?(?:years?|months?|weeks?|days?|decades?|centuries|century|hours?|"
    r"minutes?)\b",
    re.I,
)
_FRAME_BEFORE = re.compile(
    r"(?:\b(?:in|within|during|for|after|before|over|since|of)\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:(?:past|last|next|first|coming|previous|following)\s+)?|"
    r"\b(?:the|these|those)\s+(?:past|last|next|first|coming|previous|following)\s+)$",
    re.I,
)
_FRAME_AFTER = re.compile(r"\s*(?:ago|later|earlier|from now|before|after)\b", re.I)
# An age that describes a person ("a 21-year-old", "the 11 year old boy": singular "year") is not what the
# claim is about; a stated age ("she is 102 years old") still counts.
_AGE = re.compile(r"\s*-?\s*year\s*-?\s*old\b", re.I)
# A small count (under ten) of people or things, with no qualifier, describes the scene ("his seven
# children", "the three bills", "2 officers") rather than being a figure a checker checks; a multiple
# ("three times as many") still counts.
# A number to text, call or dial ("text VOTE to 50409", "call 911") is an identifier, not an amount.
_CODE_BEFORE = re.compile(r"\b(?:text(?:ing)?\s+(?:\S+\s+){0,2}to|dial(?:l?ing|l?ed|s)?|call(?:ing|s)?|ring)\s+$", re.I)
_SMALL_COUNT = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|[1-9])\b(?![.,]\d)", re.I)


def numeric_figure(text: str, start: int, end: int, kind: str, unit: str, qualifier: str | None) -> bool:
    """Whether the figure text[start:end] (of a non-date, non-identifier quantity) makes a claim numeric:
    every figure does, except a span of time that only frames the claim."""
    after = text[end : end + 40]
    figure = text[start:end]
    if _AGE.match(text, _number_end(figure, start), start + 40):
        return False
    if len(figure) >= 3 and figure.isdigit() and _CODE_BEFORE.search(text, max(0, start - 40), start):
        return False
    is_time = kind == "duration" or (kind == "count" and TIME_UNIT.match(after.lstrip()) is not None)
    if qualifier:
        return True
    if not is_time:
        return not (kind == "count" and unit.lower() != "times" and _SMALL_COUNT.fullmatch(figure.split(maxsplit=1)[0]))
    before = text[max(0, start - 40) : start]
    return not (_FRAME_BEFORE.search(before) or _FRAME_AFTER.match(text, end, end + 20))


def _number_end(figure: str, start: int) -> int:
    """Where the number of a figure ends ("21 year old" -> after "21", "11-year-old" -> after "11")."""
    m = _LEADING_NUMBER.match(figure)
    return start + (m.end() if m else len(figure))


_LEADING_NUMBER = re.compile(r"[\w,.]*\w")


def numeric_wording(text: str) -> bool:
    prepared = _prepared(text)
    if prepared is None:
        return any(p.search(text) is not None for p in _NUMERIC_PATTERNS)
    low, words = prepared
    # most statements have none of the needles of any pattern: one check instead of one per pattern
    if words.isdisjoint(_NUMERIC_ANY[0]) and not any(part in low for part in _NUMERIC_ANY[1]):
        return False
    return any(_found(p, needles, low, words) for p, needles in _NUMERIC_LOWER)


# Reported speech: a speech verb, or "called X (a|the) Y". Verbs that also name an act or a thing
# ("declared a state of emergency", "announced a plan", "tweets" the noun, "claims" the noun) count
# only with "that" or a colon, and "tweets/posts/states that" not after a preposition or determiner, where
# they are nouns with a relative clause ("warnings on tweets that …", "in the states that voted …");
# "say" not after a modal or "to" ("could later say" is not a report).
# (The lookaheads (?=say), (?=tweets|posts|states) only make the engine try the lookbehinds after the word.)
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|(?=say)(?<!\bto )(?<!\bcould )(?<!\bwould )(?<!\bwill )(?<!\bmight )(?<!\bmay )(?<!\bcan )"
    r"(?<!\bshould )(?<!\blater )say|saying|told|tells|tweeted|wrote|writes|posted|claimed|stated|"
    r"(?=tweets|posts|states)(?<!\bon )(?<!\bin )"
    r"(?<!\bof )(?<!\bthe )(?<!\bwith )(?<!\bfrom )(?<!\bby )(?<!\bto )(?<!\bfor )(?<!\bthese )"
    r"(?<!\bthose )(?<!\bsome )(?<!\bmany )(?<!\ball )(?:tweets|posts|states)(?=\s*(?:that\b|:))|"
    r"(?:claims|declared|announced|admitted|declares|announces|admits|claiming|stating|tweeting|writing|"
    r"warn(?:ed|s)|vow(?:ed|s)|promise[ds]|pledged?s?|den(?:ied|ies)|suggest(?:ed|s)|alleg(?:ed|es)|boast(?:ed|s)|"
    r"bragged|explain(?:ed|s)|noted|stressed|added|repl(?:ied|ies)|responded|acknowledged|confirmed|revealed|"
    r"conceded|complained|mentioned|emphasi[sz]ed|reiterated|joked|insists|argues|asserts)"
    # the clause after the verb: "that", a colon, a quotation ("added, “we …"), or a subject pronoun, which
    # only a clause can start ("denied he had", "admitted there was", "warned it would"; not "warned you")
    r"(?=\s*(?:that\b|:)|,?\s*[\"“‘]\s*\w|\s+(?:he|she|they|we|i)\s+\w|"
    r"\s+(?:it|there)\s+(?:is|was|are|were|would|will|had|has|could|might)\b)|"
    # directive speech acts are reported speech too, when active: "the vice president demanded a bigger budget",
    # not "viewers will be urged to phone in"
    r"asserted|insisted|argued|remarked|quoted|(?=demanded|urged)(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?:demanded|urged)|"
    # a claim framed by an utterance: "in a speech on Monday, …", "during an interview", "in his tweet"
    r"(?:in|during) (?:a|an|his|her|their|its|the|one) (?:\w+ )?(?:speech|interview|tweet|statement|op-ed|"
    r"podcast|letter)\b|(?:in|during|at) (?:a|an|his|her|their|its|the|one) (?:press|news) conference|"
    r"(?:called|calls|calling) (?!(?:off|out|up|in|back)\b)(?:\w+ ){1,4}(?:a|an|the)\b|"
    r"described (?:\w+ ){1,4}as)\b",
    re.I,
)
# A quotation of three or more words: an opening straight or curly double quote, words without quote marks,
# a closing one (so "” and replaced it with “" between two quotations is not one); or curly single quotes.
LONG_QUOTE = re.compile(r"[\"“]\s*+[^\"“”\s]++(?:\s++[^\"“”\s]++){2,}+\s*+[\"”]|‘[^‘’\s]*+(?:\s++[^‘’\s]*+){2,}+’")
_WHOLE_QUOTE = re.compile(r"^\s*[\"“‘'][^\"“”‘’]*[\"”’']\s*$")


# A claim that a video, a post or a message "says"/"claims" something is about what it shows, not about what a
# person said ("a viral message claims that …", "an ad video for X says that …"): its speech verb does not count.
_MEDIUM_SUBJECT = re.compile(
    r"\b(?:videos?|clips?|footage|photos?|images?|pictures?|posts?|messages?|memes?|ads?|adverts?|"
    r"advertisements?|articles?|reports?|stud(?:y|ies)|surveys?|websites?|graphics?|screenshots?|tweets?|"
    r"headlines?|stor(?:y|ies)|rumou?rs?|documents?|charts?|maps?)"
    r"(?:\s++(?:for|by|from|on|in)(?:\s++[\w'’.-]++){1,4}+)?\s++(?:\w+ly\s++)?$",
    re.I,
)


def reported_speech(text: str) -> bool:
    prepared = _prepared(text)
    speech, medium, s = (
        (REPORTED_SPEECH, _MEDIUM_SUBJECT, text) if prepared is None else (_SPEECH_LOWER, _MEDIUM_LOWER, prepared[0])
    )
    for m in speech.finditer(s):
        if medium.search(s, max(0, m.start() - 60), m.start()) is None:
            return True
    # The end of a quotation whose start was cut off ("… more than we ever had” in a year"): a closing curly
    # quote after three or more words, with no opening one before it.
    close = text.find("”")
    if close > 0 and "“" not in text[:close] and len(text[:close].split()) >= 3:
        return True
    # A statement that is nothing but one quotation, with no speaker, quotes the claim itself, not a person.
    return LONG_QUOTE.search(text) is not None and _WHOLE_QUOTE.match(text) is None


# re.I is slow on long alternations: the engine folds the case of each character for each branch, where a
# case-sensitive search skips a branch as soon as its first letter differs. A case-sensitive search of
# text.lower() with the same pattern finds the same matches at the same offsets, for every text without
# "İ", "ı" or "ſ" (checked over every code point: lower() makes "İ" two characters, and re.I matches "ı"
# with i and "ſ" with s, which lower() keeps apart; no other character changes length or its \w, \s or \d
# class). Texts with one of those three keep the re.I patterns. "may" is case-sensitive in PREDICTION
# (not the month), so the lowered PREDICTION leaves it out and it is searched in the text itself.
@lru_cache(maxsize=16)
def _prepared(text: str) -> tuple[str, frozenset[str]] | None:
    r"""(text.lower(), its words: the runs of \w) when the lowered patterns apply, else None."""
    if text.isascii() or ("İ" not in text and "ı" not in text and "ſ" not in text):
        low = text.lower()
        return low, frozenset(_WORD.findall(low))
    return None


_WORD = re.compile(r"\w+")


def _lowered(p: re.Pattern) -> re.Pattern:
    """The pattern without re.I, its letters lower-cased ("I think"), escapes (\\S, \\W) kept."""
    return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m[0].lower(), p.pattern), p.flags & ~re.I)


# Per pattern, needles one of which every match contains: words (a match of "\b(?:…|best|…)\b" is a whole
# run of \w, so "best" is one of the text's words) and parts (phrases, and the stems that all forms of an
# alternative share, "outnumber" of "outnumber\w*"). A lowered text with none of them cannot match, and most
# statements have none, so the search is skipped (None: always searched). Texts made of the patterns' own
# words check it (tests).
def _needles(words: str, parts: str = "") -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(words.split()), tuple(parts.split("|")) if parts else ()


_WORDING_NEEDLES = (
    _needles(
        "more less fewer higher lower greater larger bigger smaller faster slower better worse cheaper richer poorer "
        "older younger than compared record most least best worst largest biggest highest lowest greatest smallest "
        "fastest slowest strongest weakest longest shortest cheapest oldest youngest richest poorest top doubled "
        "tripled halved overtook overtaken first only",
        "up from|down from|outnumber|surpass|exceed|iest",
    ),
    _needles(
        "because due response result resulted results cause caused causes causing led lead leads owing thanks blame "
        "blamed blames blaming triggered sparked prompted prompts so therefore consequently responsible attributed"
    ),
    _needles(
        "will shall won going expected expect expects forecast forecasts predict predicts predicted likely set plan "
        "plans planned projected next coming could might",
        "by 20",
    ),
    _needles(
        "think believe feel view should must ought need bad terrible great wonderful shameful cynical outrageous "
        "ridiculous absurd fantastic amazing awful best worst hope wish love hate urged urges unacceptable appalling "
        "brave beautiful sad happy sorry",
        "disappoint|disgrace|called on|calls on|demand|welcome",
    ),
    None,
)
_NUMERIC_NEEDLES = (
    _needles(
        "fewest fewer doubled tripled trebled "
        "quadrupled halved twice half majority minority capita cent percent percentage rate rates "
        "increase increased decrease decreased cheaper costlier expensive richest poorest producer zero none single "
        "nobody ranked rank ranks unprecedented statistics stats census math maths arithmetic calculation "
        "calculations miscalculation miscalculations averages average median poll polls polling not never",
        "more than|no one|all of the|outnumber|top |all-time|most-|miscalculat|n't",
    ),
    _needles("most least"),
    _needles("than"),
    _needles(
        "declined decline dropped plunged soared surged fell fallen rose risen grew grown shrank shrunk jumped "
        "climbed slumped tumbled"
    ),
    _needles("", "number of"),
    _needles("largest biggest highest lowest smallest greatest"),
    _needles("record records"),
    _needles("double triple"),
)
_WORDING = (COMPARISON, CAUSAL, PREDICTION, OPINION, EVENT)
_MAY_ALTERNATIVE = "|(?-i:may)"
assert PREDICTION.pattern.count(_MAY_ALTERNATIVE) == 1
_WORDING_LOWER = tuple(
    zip(
        (
            _lowered(re.compile(p.pattern.replace(_MAY_ALTERNATIVE, ""), p.flags) if p is PREDICTION else p)
            for p in _WORDING
        ),
        _WORDING_NEEDLES,
        strict=True,
    )
)
_MAY = re.compile(r"\bmay\b")
_NUMERIC_PATTERNS = (
    NUMERIC_WORDING,
    _QUANTIFIER_MOST,
    _MORE_THAN,
    _CHANGE,
    _NUMBER_OF,
    _SUPERLATIVE,
    _RECORD,
    _MULTIPLE,
)
_NUMERIC_LOWER = tuple(zip(map(_lowered, _NUMERIC_PATTERNS), _NUMERIC_NEEDLES, strict=True))
_NUMERIC_ANY = (
    frozenset().union(*(n[0] for n in _NUMERIC_NEEDLES)),
    tuple(sorted({p for n in _NUMERIC_NEEDLES for p in n[1]})),
)
_SPEECH_LOWER = _lowered(REPORTED_SPEECH)
_MEDIUM_LOWER = _lowered(_MEDIUM_SUBJECT)


def _found(pattern: re.Pattern, needles, low: str, words: frozenset[str]) -> bool:
    if needles is not None and words.isdisjoint(needles[0]) and not any(part in low for part in needles[1]):
        return False
    return pattern.search(low) is not None


@lru_cache(maxsize=4096)
def wording(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(comparison, causal, prediction, opinion, event) cues; shared with the check-worthiness features."""
    prepared = _prepared(text)
    if prepared is None:
        return tuple(p.search(text) is not None for p in _WORDING)  # type: ignore[return-value]
    low, words = prepared
    comparison, causal, prediction, opinion, event = (_found(p, n, low, words) for p, n in _WORDING_LOWER)
    return comparison, causal, prediction or _MAY.search(text) is not None, opinion, event


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
