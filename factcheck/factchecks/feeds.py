"""Reading ClaimReview JSON-LD (schema.org) into plain records; no database.

Accepted shapes: one ClaimReview; a JSON list of them; a JSON-LD document with "@graph"; a
DataFeed whose "dataFeedElement" holds ClaimReviews or DataFeedItems with an "item" (one or a list,
the Google Fact Check markup feed's shape); an ItemList whose "itemListElement" holds ClaimReviews or
ListItems with an "item". Any mix of these, nested.

Every ClaimReview found gets a position: its 1-based place in the feed, in document order. A record
that cannot be read is reported as (position, message); the others are returned.
"""

import datetime
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from factcheck.sources.models import domain_of, web_url_validator

MAX_RECORDS = 20_000
CLAIM_MAX = 2000
FIELD_MAX = {"claimant": 300, "rating": 200, "reviewer": 300, "url": 1000}
WRAPPER_TYPES = {"DataFeed", "ItemList", "DataFeedItem", "ListItem"}


class FeedError(Exception):
    """The whole document cannot be read (not JSON, no ClaimReview shape at all)."""


@dataclass(frozen=True)
class Record:
    claim_text: str
    claimant: str
    rating: str
    reviewer: str
    url: str
    published_on: datetime.date | None


def _types(node):
    """A node's @type values without their vocabulary prefix ('schema:ClaimReview', 'http://schema.org/X')."""
    value = node.get("@type", node.get("type"))
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)}


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def flatten(doc):
    """Yield (position, node) for every ClaimReview-shaped element in document order.

    A node that is neither a ClaimReview nor a known wrapper is yielded too (it gets a position and an
    error), except inside "@graph", where documents also carry Organisation or WebPage nodes.
    """
    position = 0

    def walk(node, in_graph=False):
        nonlocal position
        if isinstance(node, list):
            for child in node:
                yield from walk(child, in_graph)
            return
        if isinstance(node, dict):
            types = _types(node)
            if "@graph" in node and "ClaimReview" not in types:
                yield from walk(_as_list(node["@graph"]), True)
                return
            if "ClaimReview" not in types and (types & WRAPPER_TYPES or not types):
                children = None
                for key in ("dataFeedElement", "itemListElement", "item"):
                    if key in node:
                        children = node[key]
                        break
                if children is not None or types & WRAPPER_TYPES:
                    yield from walk(_as_list(children), in_graph)  # an empty wrapper holds no record
                    return
            if in_graph and "ClaimReview" not in types:
                return
        position += 1
        yield position, node

    yield from walk(doc)


def parse_bytes(raw):
    """JSON text (bytes or str) to a Python value; FeedError with a readable reason otherwise."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FeedError("The file is not UTF-8 text.") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FeedError(f"Not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from exc


def _text(value, field, limit):
    """A schema.org text value: a string, or a node's name, or the first of a list."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise ValidationError(f"{field} is not text")
    text = " ".join(str(value).replace("\x00", "").split())
    return text[:limit]


def _rating(node):
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if rating is None:
        raise ValidationError("reviewRating is missing")
    if isinstance(rating, str):
        return _text(rating, "reviewRating", FIELD_MAX["rating"])
    if not isinstance(rating, dict):
        raise ValidationError("reviewRating is not an object")
    name = _text(rating.get("alternateName") or rating.get("name"), "reviewRating.alternateName", FIELD_MAX["rating"])
    if name:
        return name
    value = _text(rating.get("ratingValue"), "reviewRating.ratingValue", 20)
    if value:
        best = _text(rating.get("bestRating"), "reviewRating.bestRating", 20)
        return f"{value} of {best}" if best else value
    raise ValidationError("reviewRating has no alternateName")


def _date(value):
    value = _text(value, "datePublished", 40)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ValidationError(f"datePublished {value[:40]!r} is not an ISO date") from exc


def read_record(node):
    """One ClaimReview node as a Record; ValidationError naming what is wrong."""
    if not isinstance(node, dict):
        raise ValidationError(f"not an object but {type(node).__name__}")
    types = _types(node)
    if "ClaimReview" not in types:
        found = ", ".join(sorted(types)) or "none"
        raise ValidationError(f"not a ClaimReview (@type: {found})")
    claim_text = _text(node.get("claimReviewed"), "claimReviewed", CLAIM_MAX)
    if not claim_text:
        raise ValidationError("claimReviewed is missing or empty")
    url = _text(node.get("url"), "url", FIELD_MAX["url"] + 1)
    if not url:
        raise ValidationError("url is missing")
    if len(url) > FIELD_MAX["url"]:
        raise ValidationError(f"url is longer than {FIELD_MAX['url']} characters")
    try:
        web_url_validator(url)
    except ValidationError as exc:
        raise ValidationError(f"url {url[:80]!r} is not an http(s) address") from exc
    item = node.get("itemReviewed")
    if isinstance(item, list):
        item = item[0] if item else None
    claimant = _text(item.get("author"), "itemReviewed.author", FIELD_MAX["claimant"]) if isinstance(item, dict) else ""
    reviewer = _text(node.get("author"), "author", FIELD_MAX["reviewer"]) or domain_of(url)
    return Record(
        claim_text=claim_text,
        claimant=claimant,
        rating=_rating(node),
        reviewer=reviewer,
        url=url,
        published_on=_date(node.get("datePublished")),
    )


def read_feed(doc):
    """(records as [(position, Record)], errors as [(position, message)]) of a parsed document."""
    records, errors = [], []
    for position, node in flatten(doc):
        if position > MAX_RECORDS:
            errors.append((position, f"more than {MAX_RECORDS} records: the rest were not read"))
            break
        try:
            records.append((position, read_record(node)))
        except ValidationError as exc:
            errors.append((position, " ".join(exc.messages)))
    if not records and not errors:
        raise FeedError("No ClaimReview found in the document.")
    return records, errors
