"""The regular expressions of the quantity rules, over the original text (no normalised copy), so spans
are exact."""

from __future__ import annotations

import re

from ..numbers import NUMBER_WORDS
from .words import _IDENTIFIER_WORDS, _QUALIFIERS

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    # "4 July", "18February 2019" (glued), "Jan.1, 2015", "March 3, 2005"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?(?![\w])"
    rf"|\b{_MONTH}(?:\s+|(?<=\.))\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\w])"
    rf"|\b{_MONTH}\s+\d{{4}}(?![\w])"
)
_CURRENCY_CODES = r"USD|GBP|EUR|INR|CAD|AUD|NZD|CHF|JPY|CNY|RMB|NGN|KES|ZAR|Rs\.?|Rp\.?|Ksh\.?|KSh\.?"
_NUMERAL_BODY = (
    rf"(?P<cur>(?:US|A|C|NZ|HK|S|R)?[$£€¥₹₦₱₩₽₺]\s?|\b(?:{_CURRENCY_CODES})\s?|\b[PNR](?=\d{{1,3}},\d{{3}}))?"
    r"(?P<num>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,2}(?:,\d\d){1,5},\d{3}(?:\.\d{1,12})?|"
    r"\d{1,18}(?:\.\d{1,12})?)(?![\d,]\d))"
    r"(?:(?P<dur>secs?|mins?|hrs?|yrs?|wks?|mths?|days?|weeks?|months?|years?|hours?|minutes?)(?![A-Za-z])"
    r"|(?P<temp>[CF])(?![\w’'-])"
    r"|[\s-]?(?P<scale>bn|billion|mn|m|M|million|k|K|tn|trillion|thousand|hundred|crore|lakh|mln|bln)(?![A-Za-z])"
    # "$2B", "$1.5T", "$3MM", "$5 mil": only after a currency sign or code
    r"|(?(cur)\s?(?P<cscale>B|T|MM|bil|mil)(?![A-Za-z])|(?!))"
    # glued only: "42in", "500g", "3mi", "40m2", "5ppm"
    r"|(?P<gmeas>in|g|mi|m2|km2|m²|km²|sqm|nm|µg|mcg|Hz|KB|bps)(?![A-Za-z0-9])"
    r"|(?P<pence>p)(?![A-Za-z])|(?P<times>x)(?![A-Za-z])"
    r"|\s?(?P<meas>kg|km|mg|lbs?|mph|kph|km/h|cm|mm|ml|ft|sq\s?km|sq\s?ft|sq\s?mi|GW|MW|kW|kWh|MWh|GWh|TWh|GB|MB|TB|"
    r"Gbps|Mbps|kbps|GHz|MHz|mAh|ppm|ppb|kcal|ha|oz|°C|°F)"
    r"(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|pc\b|pct\b|per\s?cent\b|percent\b|percentage points?\b)|-(?:per\s?cent|percent)\b)?"
    r"(?P<ord>(?:st|nd|rd|th)\b)?"
    r"(?![\w])"
)
_NUMERAL = re.compile(r"(?<![\w.,/:£$€¥₹])" + _NUMERAL_BODY)
# A currency sign right after a word ("rose to$30": a typo, still an amount): found by the sign, then read
# with the same pattern from there (a lookbehind for it in _NUMERAL made every scan twice as slow).
_GLUED_SIGN = re.compile(r"[$£€¥₹₦₱₩₽₺](?=\d)")
_NUMERAL_AT = re.compile(_NUMERAL_BODY)
_RANGE = re.compile(
    r"(?<![\w.,/:£$€-])(?P<cur>[$£€])?(?P<a>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?))\s?[-–]\s?(?P=cur)?"
    r"(?P<b>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?))"
    r"(?:[\s-]?(?P<scale>bn|billion|m|million|k|thousand)(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?(?![\w-])"
)
_NAME_HYPHEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z-]{0,12}-$")  # "COVID-", "F-", "SARS-CoV-": a name
# "2023/24", "9/11", "6/19/2007", "19/06/07"
_SLASH_DATE = re.compile(r"(?<![\w/.])(?:(?:19|20)\d\d/\d\d|9/11|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d))(?![\w/])")
_SLASH_FRACTION = re.compile(r"(?<![\w/.])(?P<n>[1-9])/(?P<d>[2-9]|10)(?:nds?|rds?|ths?)?(?![\w/])")  # "2/3rds"
_TIME = re.compile(
    r"(?<![\w:.£$€])(?:\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?|\s?(?:GMT|BST|ET|EST|PST|CET|UTC))?|"
    r"\d{1,2}\.\d{2}\s?[ap]\.?m\.?)(?![\w:])|"
    r"(?<![\w:.])\d{1,2}\s?[ap]\.?m\.?(?![\w])"
)
_RATIO_COLON = re.compile(r"(?<![\w:])(?P<a>\d{1,6}):(?P<b>\d{3,9})(?![\w:])")
_ORDINALS_RE = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_RANK_VERB = r"\b(?:finished|finishing|came|placed|ranked|ranks|ranking|rank|sits|stands)\s+"
_ORDINAL_RANK = re.compile(
    rf"\b(?P<w>{_ORDINALS_RE})[\s-]"
    r"(?=(?:most|least)\s+\w+|\w+est\b|largest|biggest|highest|lowest|best|worst)"
    rf"|{_RANK_VERB}(?P<w2>{_ORDINALS_RE})\b(?!-)",  # "finished third", "ranked second"
    re.I,
)
_NUMBERED_RANK = re.compile(rf"{_RANK_VERB}(?:No\.|number|#)\s?(?P<n>\d{{1,3}})\b(?![.,]\d)", re.I)  # "ranks No. 2"
# "0800 123 4567", "020 7946 0958", "0800": a leading zero is a phone number, a code or a time, never an amount
_LEADING_ZERO = re.compile(r"(?<![\w.,:/£$€-])0\d{2,}(?:[ -]\d{3,4}){0,3}(?![\w/:-]|[.,]\d)")
_NUM = r"(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?)"
# "between 5 and 8%", "between £2 and £3m": a range in words ("10 to 15%" is not taken: the relations would
# read its low end as a restatement of a nearby figure)
_BETWEEN_RANGE = re.compile(
    rf"(?<![\w.,/:£$€-])between\s+(?P<cur>[$£€])?(?P<a>{_NUM})\s+and\s+(?P=cur)?"
    rf"(?P<b>{_NUM})(?:[\s-]?(?P<scale>bn|billion|m|million|k|thousand)(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?(?![\w-])",
    re.I,
)
_GLUED_NAME = re.compile(rf"(?<![\w$£€¥.,])(?!(?:{_CURRENCY_CODES})\d)[A-Za-z]+(?P<num>\d{{1,4}})\b")
# "F-35B", "F-16s", "B-52s", "Su-30MKI": a model name with letters after its number
# (searched from its "-", a literal the regex engine skips to quickly; the name before it is checked after)
_HYPHEN_MODEL = re.compile(r"-(?P<num>\d{1,4})[A-Za-z]{1,3}\b")
_MODEL_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,5}$")
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:section|article|chapter|clause|tier|level|phase|stage|route|flight|room|platform|gate|terminal|act|"
    r"part|title|covid|grade|category|version|channel|radio|formula|windows|iphone|playstation|xbox|ps|"
    r"bbc\s+(?:one|two|three|four)|no\.|number|model|series|code)\s*$",
    re.I,
)
_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDNUM = re.compile(
    rf"\b(?:(?:a|one)\s+(?=hundred|thousand|million|billion))?(?:{_NW})(?:(?:\s+and\s+|\s+|-)(?:{_NW}))*\b", re.I
)
_DENOMINATOR = r"(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?)"
_FRACTION = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|a)[\s-]+"
    rf"(?P<d>half|halves|{_DENOMINATOR})\b(?=\s+of\b)"
    rf"|\b(?P<n2>one|two|three|four|five|six|seven|eight|nine)-(?P<d2>{_DENOMINATOR})\b"
    r"|\b(?P<half>half)\s+(?:of|the|its|their)\b"
    # "two thirds voted": a plural denominator needs no "of" (not "quarters": "two quarters ahead")
    r"|\b(?P<n3>two|three|four|five|six|seven|eight|nine)\s+(?P<d3>thirds|fifths|sixths|sevenths|eighths|ninths|tenths)\b"
    # "a one third discount": "one" and a singular denominator before a noun (not "one third party")
    r"|\b(?P<n4>one)\s+(?P<d4>third|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?!(?:party|place|time|world|round|term|quarter|century|person|grade|floor|day|year|of)\b)(?=[a-z])",
    re.I,
)
_FRACTIONAL_SCALE = re.compile(
    r"\b(?P<f>half|a\s+half|a\s+quarter\s+of|three\s+quarters\s+of|a\s+third\s+of)\s+(?:a|one)\s+"
    r"(?P<s>million|billion|trillion|thousand)\b"
    # "a half million", "half million", "a quarter billion": no "of a" between
    r"|\b(?P<f3>a\s+half|half|a\s+quarter|three[\s-]quarters)[\s-]+(?P<s3>million|billion|trillion)\b"
    # "one and a half million", "two-and-a-half billion"
    r"|\b(?P<whole>one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+and[\s-]+a[\s-]+half[\s-]+"
    r"(?P<s2>million|billion|trillion|thousand)\b",
    re.I,
)
_ONE_IN = re.compile(
    r"(?<![\w.,])(?P<n>one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+(?:(?:in|out\s+of)\s+(?:every\s+)?|of\s+every\s+)"
    r"(?P<d>\d{1,3}(?:,\d{3})*|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|"
    r"a\s+thousand|a\s+million)(?![\w.,]\d|[\w%£$€-])"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches|races|attempts)\b)",
    re.I,
)
_DOZEN = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+dozen\b(?!\s+(?:thousand|million)\b)", re.I
)
_VAGUE = re.compile(
    r"\b(?P<w>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|tens|dozens|scores|hundreds|thousands|millions|"
    r"billions)\s+of\b",
    re.I,
)
_QUAL_RE = re.compile(
    r"\b(?P<q>" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+(?:of\s+)?$",
    re.I,
)
# What a window must end with (after trailing spaces) for _QUAL_RE / _IDENTIFIER_BEFORE to match: a
# C-level endswith() lets most figures skip those searches, which were most of find()'s time.
_QUAL_ENDINGS = tuple({q.split()[-1] for q in _QUALIFIERS} | {"of"})
_IDENTIFIER_ENDINGS = tuple(_IDENTIFIER_WORDS.split())

_UNIT_WORD = re.compile(r"(?:[ \t]+|-)([A-Za-z][A-Za-z’'-]*)")
_AND_WORD = re.compile(r"[ \t]+and[ \t]+([A-Za-z][A-Za-z’'-]*)")
_ONE_SKIP_AFTER = re.compile(
    r"\s+(?:of\s+(?:its|the|their|his|her|our|my|them|those|these|which|whom|us|you|a|an|many|several)\b|another\b|"
    r"or\s+(?:two|more|other)\b)|-(?:way|off|on-one|time|sided|stop|size|party|liner|man|horse)\b",
    re.I,
)
# "every one" stays a count before a noun ("for every one job lost"); "every one of them" is skipped after
_ONE_SKIP_BEFORE = re.compile(r"\b(?:no|any|each|some|the|this|that|which|another|someone|anyone|no-)\s+$", re.I)


_ANY_DIGIT = re.compile(r"[\d½¼¾⅓⅔⅕⅛]")  # a digit or a fraction sign
_LOWER_WORDS = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"[.!?;]\s")

# "one of the largest", "one of Europe's most visited", "one of its deadliest": a rank among the top.
# The superlative must follow ("one of the men" is a pronoun); words in -est that are not superlatives
# ("one of the interest rates", "one of the forest's") are left out.
_NOT_SUPERLATIVE = (
    r"(?:interest|honest|modest|forest|protest|contest|request|conquest|inquest|arrest|invest|suggest|digest|"
    r"harvest|manifest|earnest|behest|unrest|bequest|dishonest|chest|guest|quest|priest|tempest|pretest|midwest|"
    r"southwest|northwest|attest|detest|infest|molest|divest|ingest|congest|everest|almest)"
)
_ONE_OF_SUPERLATIVE = re.compile(
    r"\b(?P<one>one)\s+of\s+(?:(?:the|its|their|his|her|our|my|your|this|these|those)\s+(?:[\w.-]+(?:'s|’s|s’)\s+)?|"
    r"[\w.-]+(?:'s|’s|s’)\s+)(?:very\s+)?"
    rf"(?P<sup>(?:most|least)[\s-]+(?!of\b)[a-z][\w-]*|best|worst|top|first|(?!{_NOT_SUPERLATIVE}\b)\w{{2,}}est)\b",
    re.I,
)
# "twice", "thrice", "tenfold", "two-fold": a multiple (the same kind as "10x").
_MULTIPLE = re.compile(
    r"\b(?:(?P<twice>twice|thrice)|(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)"
    r"-?fold)\b",
    re.I,
)
# "the 1990s", "the '60s", "the mid-1980s": a decade (a date); "the 70s", "her 40s", "the low 40s": a span
# of ten. Not an age group ("the over-70s", "under-25s").
_DECADE = re.compile(
    r"(?<![\w'’.,$£€])(?:(?<=mid-)|(?<!-))"
    r"(?:(?P<year>(?:1[5-9]|20)\d0)s|['’](?P<short>\d0)s|(?P<two>[1-9]0)s)(?![\w'’])"
)
# "millions were spent", "took billions from": the plural scale words without "of" after them.
_VAGUE_ALONE = re.compile(
    r"\b(?P<w>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|thousands|millions|billions)"
    r"\b(?!\s+of\b)(?![-’'])",
    re.I,
)
# "several thousand people", "a few hundred": more than one of the scale, a lower bound only
_SEVERAL_SCALE = re.compile(
    r"\b(?P<w>several|a\s+few|a\s+couple\s+of|many)\s+(?P<s>hundred|thousand|million|billion|dozen)"
    r"(?:\s+(?P<s2>thousand|million|billion|trillion))?\b(?![\s-]+(?:and\b|[a-z]+ty\b))",
    re.I,
)
