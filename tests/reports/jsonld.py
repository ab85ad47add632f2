"""Offline ClaimReview validation: expand with pyld against the schema.org context kept in the repo."""

import copy
import json
from pathlib import Path

from pyld import jsonld

CONTEXT_FILE = Path(__file__).resolve().parents[2] / "factcheck" / "reports" / "schemaorg-context.jsonld"
SCHEMA_URLS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
S = "http://schema.org/"


def local_loader(url, options=None):
    if url.rstrip("/") + "/" not in {u.rstrip("/") + "/" for u in SCHEMA_URLS}:
        raise AssertionError(f"the validator must not fetch {url}")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(CONTEXT_FILE.read_text())}


def _keys(node, out, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("@"):
                continue
            out.add(f"{path}{key}")
            _keys(value, out, f"{path}{key}.")
    elif isinstance(node, list):
        for item in node:
            _keys(item, out, path)


def validate_claimreview(doc):
    """Expand `doc`; assert nothing was dropped and Google's required fields are present and typed.

    Returns the expanded node.
    """
    assert doc["@context"] in SCHEMA_URLS
    expanded = jsonld.expand(copy.deepcopy(doc), {"documentLoader": local_loader})
    assert len(expanded) == 1, expanded
    node = expanded[0]
    # nothing dropped: compacting back gives every key we wrote
    compacted = jsonld.compact(expanded, doc["@context"], {"documentLoader": local_loader})
    written, kept = set(), set()
    _keys(doc, written)
    _keys(compacted, kept)
    lost = written - kept
    assert not lost, f"properties lost on expansion: {lost}"
    assert node["@type"] == [f"{S}ClaimReview"]
    # required: claimReviewed (text), reviewRating with alternateName, url (an IRI)
    assert node[f"{S}claimReviewed"][0]["@value"].strip()
    rating = node[f"{S}reviewRating"][0]
    assert rating["@type"] == [f"{S}Rating"]
    assert rating[f"{S}alternateName"][0]["@value"].strip()
    assert node[f"{S}url"][0]["@id"].startswith("http")
    # recommended, typed right when present
    numbers = [f"{S}ratingValue", f"{S}bestRating", f"{S}worstRating"]
    if any(name in rating for name in numbers):  # all three or none (a rating off the scale: by name only)
        value, best, worst = (rating[name][0]["@value"] for name in numbers)
        assert isinstance(value, int) and 1 <= worst <= value <= best
    author = node[f"{S}author"][0]
    assert author["@type"] == [f"{S}Organization"] and author[f"{S}name"][0]["@value"]
    assert doc["claimReviewed"] != doc["reviewRating"]["alternateName"]
    return node
