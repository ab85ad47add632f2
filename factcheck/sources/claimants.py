"""A claimant's name and kind from the speaker the extractor found ("according to the Office for National
Statistics" names "the Office for National Statistics").

Pure functions: the name a claimant is filed and published under, and whether it is a person or an
organisation. A ClaimReview types its itemReviewed.author by this kind, so a public body must not be
published as a Person, nor under a name that starts with a lower-case "the".
"""

import re

# "the Office for National Statistics" -> "Office for National Statistics"; "the ministry" stays as it is
# (a role, not a name: there is nothing to file it under without the article)
_LEADING_THE = re.compile(r"^[Tt]he\s+(?=[A-Z0-9])")
_ORG_WORDS = frozenset(
    """
    office ministry department council agency bank company corporation corp group association union party
    committee commission service services institute institution university college authority board police
    government treasury bureau foundation trust federation organisation organization society fund
    parliament senate congress assembly court tribunal army navy force forces inc ltd plc llc co
    statistics nhs un eu who imf opec nato centre center network hospital school schools club
    administration cabinet regulator ombudsman watchdog charity newspaper channel broadcaster operator firm
    airline retailer lender insurer carrier manufacturer supermarket business
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")


def claimant_name(speaker_name: str) -> str:
    """The name a claimant is filed under: the speaker's name without a leading "the" before a proper name."""
    return _LEADING_THE.sub("", " ".join(speaker_name.split()))[:200]


def claimant_is_organisation(speaker_name: str) -> bool:
    """Whether a speaker names an organisation rather than a person: an acronym alone ("ONS"), a proper name
    after "the" ("the Treasury"), or a name holding an organisation word ("Office for National Statistics")."""
    name = " ".join(speaker_name.split())
    if not name:
        return False
    words = re.findall(r"[\w&.]+", name)
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return True  # "ONS"; not "Kate Forbes MSP", a person with the letters of her seat
    if _LEADING_THE.match(name):
        return True
    return any(w.lower().strip(".") in _ORG_WORDS for w in words)
