"""The word tables of the quantity rules: ordinals, qualifiers and the bounds they imply, currency
words, durations, the stop words that end a unit phrase, and the words that make a sentence worth scanning."""

from __future__ import annotations

from ..numbers import NUMBER_WORDS

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_IDENTIFIER_WORDS = (
    "section article chapter clause tier level phase stage route flight room platform gate terminal act part "
    "title covid grade category version channel radio formula windows iphone playstation xbox ps one two three "
    "four no. number model series code"
)
_FRACTION_WORDS = {"half": 0.5, "a half": 0.5, "a quarter of": 0.25, "three quarters of": 0.75, "a third of": 1 / 3}
_VAGUE_LOW = {
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "tens of billions": 20_000_000_000,
    "hundreds of billions": 200_000_000_000,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
}

_QUALIFIERS = {
    # qualifier: (kind of bound)
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "upwards of": "gt",
    "just over": "gt",
    "in excess of": "gt",
    "greater than": "gt",
    "at least": "ge",
    "no fewer than": "ge",
    "no less than": "ge",
    "a minimum of": "ge",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "just under": "lt",
    "up to": "le",
    "at most": "le",
    "no more than": "le",
    "as many as": "le",
    "as much as": "le",
    "a maximum of": "le",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "close to": "approx",
    "circa": "approx",
    "c.": "approx",
    "almost": "nearly",
    "nearly": "nearly",
    "a record": "record",
    "record": "record",
    "record-breaking": "record",
    "previous record": "exact",
    "a previous record": "exact",
    "the previous record": "exact",
    "exactly": "exact",
    "only": "exact",
    "just": "exact",
}

_MONEY_WORDS = {
    "kronor": "kr",
    "krona": "kr",
    "kroner": "kr",
    "yuan": "¥",
    "roubles": "₽",
    "rubles": "₽",
    "francs": "Fr",
    "rand": "R",
    "pounds": "£",
    "pound": "£",
    "dollars": "$",
    "dollar": "$",
    "euros": "€",
    "euro": "€",
    "pence": "p",
    "cents": "cents",
    "yen": "¥",
    "rupees": "₹",
}
_DURATION = {
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "season",
    "seasons",
    "hrs",
    "mins",
}
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "than",
        "as",
        "per",
        "into",
        "over",
        "after",
        "before",
        "since",
        "during",
        "across",
        "while",
        "said",
        "says",
        "say",
        "told",
        "according",
        "last",
        "next",
        "ago",
        "more",
        "less",
        "most",
        "least",
        "about",
        "around",
        "up",
        "down",
        "out",
        "off",
        "only",
        "also",
        "just",
        "so",
        "than",
        "then",
        "there",
        "here",
        "where",
        "when",
        "why",
        "how",
        "not",
        "no",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "do",
        "did",
        "does",
        "got",
        "get",
        "gets",
        "made",
        "make",
        "came",
        "come",
        "went",
        "go",
        "rose",
        "fell",
        "grew",
        "won",
        "lost",
        "saw",
        "took",
        "gave",
        "hit",
        "struck",
        "set",
        "put",
        "cut",
        "ran",
        "led",
        "left",
        "sold",
        "paid",
        "bought",
        "kept",
        "told",
        "held",
        "each",
        "every",
        "all",
        "both",
        "some",
        "any",
        "such",
        "other",
        "another",
        "own",
        "same",
        "if",
        "because",
        "though",
        "although",
        "until",
        "unless",
        "whereas",
        "whilst",
        "via",
        "between",
        "among",
        "against",
        "toward",
        "towards",
        "through",
        "throughout",
        "within",
        "without",
        "upon",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "him",
        "them",
        "what",
        "whatever",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)

# Stop words in lower case, names in capitals: "three US insurance executives", "40 IT workers".
_ACRONYMS = frozenset(["US", "IT"])

_TRIGGER_WORDS = frozenset(NUMBER_WORDS) | frozenset(
    [
        "half",
        "halves",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "tenth",
        "tenths",
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "first",
        "second",
        "fourth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "twice",
        "thrice",
        "twofold",
        "threefold",
        "fourfold",
        "fivefold",
        "tenfold",
        "hundredfold",
        "thousandfold",
    ]
)

_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish", "personnel", "troops"]
)

# Words that can follow a figure but cannot end the noun phrase that names what it counts, so a unit phrase
# never ends on one ("1,200 work in the plant", "3,800 abroad", "queues ten deep", "£50 due"): a figure
# followed by a verb is the subject of that verb, and an adverb or a predicative adjective says something
# about it. Closed classes, so a rule and not a guess: (1) verbs in the base form or an irregular past that a
# plural subject takes right after a bare number ("-ed" and "-ing" forms already end the phrase), (2) adverbs
# and adverbial particles, (3) adjectives that stand after what they describe or end a clause. Inside a phrase
# they stay ("30 work permits", "10 live shows", "5 strong candidates"): only a trailing one is dropped, and
# only in lower case ("BBC Five Live", "One Flew Over …" are names).
# (1) verbs (not those as often nouns after a figure: "one vote", "one wish", "one face")
_HEAD_VERBS = (
    "work live die remain think believe want need rely receive appear listen meet see agree disagree "
    "oppose attend own stay serve earn choose know feel expect hope seem tend continue join fail refuse "
    "qualify apply belong suffer survive gather arrive leave flee commute eat speak write buy sell spend "
    "pay bring keep believed died lied fled flew threw grew met spent caught chosen shown seen given taken "
    "known grown fallen built sent brought thought felt found heard began became fought wrote spoke stood "
    "sat fed drove ate wait "
)
# (2) adverbs and particles
_HEAD_ADVERBS = (
    "abroad overseas away back ahead behind apart aside apiece alone together still now then today "
    "tonight tomorrow yesterday again once never often always already soon later earlier early late "
    "instead too yet even ever else respectively worldwide nationwide nearby near far further above below "
    "inside outside online offline straight like worth "
)
# (3) predicative adjectives
_HEAD_ADJECTIVES = (
    "strong deep long wide tall old thick dead alive due better best worse worst different free full "
    "likely unlikely able unable guilty innocent sure ready available responsible aware afraid"
)
_NOT_A_HEAD = frozenset((_HEAD_VERBS + _HEAD_ADVERBS + _HEAD_ADJECTIVES).split())
# Nouns in -ly: every other lower-case word in -ly is an adverb or an adjective, and ends no unit phrase.
_LY_NOUN_WORDS = (
    "family families supply ally rally assembly anomaly monopoly reply belly jelly bully lily folly fly "
    "butterfly dragonfly homily melancholy panoply"
)
_LY_NOUNS = frozenset(_LY_NOUN_WORDS.split())
