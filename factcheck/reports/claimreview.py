"""ClaimReview JSON-LD (schema.org), following Google's fact-check structured-data guidance.

Required there: claimReviewed, reviewRating (with alternateName) and url. A verdict that cannot
give them is skipped with a reason instead of emitting an invalid document. Private evidence is
never read here: a ClaimReview carries no evidence at all.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder

from factcheck.reports.common import verdict_url
from factcheck.verdicts.models import RatingScale, Verdict

CONTEXT = "https://schema.org"
CLAIM_REVIEWED_MAX = 200  # Google asks for a short claim; long statements are cut at a word, with "…"


class Skip(Exception):
    """A verdict that cannot be published as a ClaimReview, and why."""


def scale_bounds(newsroom):
    """(worst, best) of a newsroom's rating scale: the numeric values a reviewRating is read against
    (RatingScaleQuerySet.bounds: the active ratings on the scale only)."""
    return RatingScale.objects.for_newsroom(newsroom).bounds()


def review_rating(rating, bounds):
    """The reviewRating of `rating`: its name, and its value between the scale's worst and best when it is on
    the scale. By name only when it is off the scale, when the scale has no bounds, or when its value lies
    outside them (a retired rating past today's ends): a value read against the wrong ends would mislead."""
    node = {"@type": "Rating", "alternateName": rating.label}
    if rating.on_scale and bounds is not None and bounds[0] <= rating.value <= bounds[1]:
        node.update({"ratingValue": rating.value, "bestRating": bounds[1], "worstRating": bounds[0]})
    return node


def short_claim(text):
    text = " ".join(text.split()).strip("\"'“”‘’ ")
    if len(text) <= CLAIM_REVIEWED_MAX:
        return text
    cut = text[: CLAIM_REVIEWED_MAX - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _claimant(claim):
    claimant = claim.claimant
    if claimant is None:
        return None
    node = {"@type": "Organization" if claimant.kind == claimant.Kind.ORGANIZATION else "Person", "name": claimant.name}
    if claimant.role and claimant.kind == claimant.Kind.PERSON:
        node["jobTitle"] = claimant.role
    if claimant.same_as:
        node["sameAs"] = claimant.same_as
    return node


def claimreview_for(verdict, *, base_url, bounds):
    """The ClaimReview of one verdict, or raise Skip naming the missing required field."""
    claim = verdict.claim
    article = claim.article
    newsroom = verdict.newsroom
    if verdict.status != Verdict.Status.PUBLISHED:
        raise Skip(f"not published (status: {verdict.get_status_display().lower()})")
    if verdict.rating is None:
        raise Skip("no rating (reviewRating.alternateName is required)")
    claimed = short_claim(claim.text or "")
    if not claimed:
        raise Skip("the statement is empty (claimReviewed is required)")
    author = {"@type": "Organization", "name": newsroom.name}
    if newsroom.url:
        author["url"] = newsroom.url
    doc = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": verdict_url(verdict, base_url),
        "claimReviewed": claimed,
        "author": author,
        "reviewRating": review_rating(verdict.rating, bounds),
    }
    if verdict.published_at:
        doc["datePublished"] = verdict.published_at.date().isoformat()
    item = {"@type": "Claim"}
    claimant = _claimant(claim)
    if claimant:
        item["author"] = claimant
    if article.published_on:
        item["datePublished"] = article.published_on.isoformat()
    if article.url:
        appearance = {"@type": "CreativeWork", "url": article.url, "headline": article.title[:110]}
        outlet = verdict.outlet_credit  # as approved: a later registry edit does not rename it
        if outlet.name:
            appearance["publisher"] = {"@type": "Organization", "name": outlet.name}
            if outlet.url:
                appearance["publisher"]["url"] = outlet.url
        item["appearance"] = appearance
    if len(item) > 1:
        doc["itemReviewed"] = item
    return doc


def claimreviews(verdicts, *, base_url, bounds, on_row=None):
    """Yield (verdict, doc or None, skip reason or None) for each verdict."""
    for n, verdict in enumerate(verdicts, start=1):
        try:
            yield verdict, claimreview_for(verdict, base_url=base_url, bounds=bounds), None
        except Skip as exc:
            yield verdict, None, str(exc)
        if on_row is not None:
            on_row(n)


def jsonld_chunks(verdicts, *, base_url, bounds, skipped, on_row=None):
    """Stream a JSON array of ClaimReview documents; append {"verdict", "reason"} to `skipped`."""
    yield "[\n"
    first = True
    for verdict, doc, reason in claimreviews(verdicts, base_url=base_url, bounds=bounds, on_row=on_row):
        if doc is None:
            skipped.append({"verdict": verdict.pk, "statement": short_claim(verdict.claim.text)[:80], "reason": reason})
            continue
        yield ("" if first else ",\n") + json.dumps(doc, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        first = False
    yield "\n]\n"


_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def ld_json(doc):
    """JSON for a <script type="application/ld+json"> element, escaped like Django's json_script:
    no "<", ">" or "&" survive, so "</script>" in a statement cannot end the element."""
    return json.dumps(doc, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)
