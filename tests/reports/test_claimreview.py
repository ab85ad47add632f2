import json

import pytest

from django.urls import reverse

from factcheck.reports.claimreview import (
    CLAIM_REVIEWED_MAX,
    Skip,
    claimreview_for,
    jsonld_chunks,
    ld_json,
    scale_bounds,
    short_claim,
)
from factcheck.reports.selection import report_rows, report_verdicts
from factcheck.verdicts.models import RatingScale, Verdict
from tests.reports.jsonld import S, validate_claimreview

BASE = "https://desk.example.org/"


def _docs(newsroom, filters=None):
    skipped = []
    if filters is None:
        filters = {"statuses": ["published", "draft"]}
    verdicts = report_rows(report_verdicts(newsroom=newsroom, filters=filters))
    text = "".join(jsonld_chunks(verdicts, base_url=BASE, bounds=scale_bounds(newsroom), skipped=skipped))
    return json.loads(text), skipped


def test_it_emits_one_valid_claimreview_per_published_verdict(newsroom, report_world):
    docs, skipped = _docs(newsroom)
    assert len(docs) == 2
    for doc in docs:
        validate_claimreview(doc)
    assert [s["verdict"] for s in skipped] == [report_world["draft"].pk]
    assert skipped[0]["reason"].startswith("not published")


def test_it_fills_the_recommended_fields(newsroom, report_world):
    v1 = report_world["published"][0]
    doc = claimreview_for(
        report_verdicts(newsroom=newsroom, filters={}).get(pk=v1.pk), base_url=BASE, bounds=scale_bounds(newsroom)
    )
    # given the default scale True=6 … False=2 (Unverifiable=1 is off the scale)
    assert doc["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 3,
        "bestRating": 6,
        "worstRating": 2,
        "alternateName": "Mostly false",
    }
    assert doc["url"] == "https://desk.example.org" + reverse("reports:public_verdict", args=[v1.pk])
    assert doc["author"] == {"@type": "Organization", "name": "Alpha Desk", "url": "https://alpha.example.org/"}
    assert doc["datePublished"] == "2026-10-20"
    item = doc["itemReviewed"]
    assert item["author"] == {
        "@type": "Person",
        "name": "Jane Mayor",
        "jobTitle": "Mayor",
        "sameAs": "https://www.wikidata.org/wiki/Q1",
    }
    assert item["datePublished"] == "2026-10-05"
    assert item["appearance"]["url"] == "https://gazette.example.com/buses"
    assert item["appearance"]["publisher"]["name"] == "City Gazette"
    assert doc["claimReviewed"].startswith("The mayor said on Monday")
    node = validate_claimreview(doc)
    claim = node[f"{S}itemReviewed"][0]
    assert claim["@type"] == [f"{S}Claim"]
    assert claim[f"{S}author"][0][f"{S}sameAs"][0]["@id"] == "https://www.wikidata.org/wiki/Q1"
    assert claim[f"{S}appearance"][0][f"{S}url"][0]["@id"] == "https://gazette.example.com/buses"


def test_it_skips_a_published_verdict_without_a_rating(newsroom, report_world):
    v2 = report_world["published"][1]
    Verdict.objects.filter(pk=v2.pk).update(rating=None)
    docs, skipped = _docs(newsroom, {})
    assert len(docs) == 1
    assert skipped == [{"verdict": v2.pk, "statement": skipped[0]["statement"], "reason": skipped[0]["reason"]}]
    assert "no rating" in skipped[0]["reason"]


def test_it_refuses_an_unpublished_verdict(newsroom, report_world):
    with pytest.raises(Skip, match="not published"):
        claimreview_for(report_world["draft"], base_url=BASE, bounds=scale_bounds(newsroom))


def test_it_keeps_claim_reviewed_short():
    long = "word " * 100
    short = short_claim(long)
    assert len(short) <= CLAIM_REVIEWED_MAX and short.endswith("…")
    assert short_claim('  "A quoted   claim."  ') == "A quoted   claim.".replace("   ", " ")


def test_it_never_carries_evidence(newsroom, report_world):
    docs, _ = _docs(newsroom)
    text = json.dumps(docs)
    assert "Off the record" not in text and "internal.example" not in text


def test_it_escapes_script_breakers_for_html():
    out = ld_json({"claimReviewed": "</script><script>alert(1)</script> & more"})
    assert "</script>" not in out and "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out)["claimReviewed"].startswith("</script>")


def test_it_catches_a_misspelt_property_in_the_validator(newsroom, report_world):
    docs, _ = _docs(newsroom, {})
    doc = {**docs[0], "claimReview": docs[0]["claimReviewed"]}
    with pytest.raises(AssertionError, match="lost on expansion"):
        validate_claimreview(doc)


# --- ratings off the scale -----------------------------------------------------------------------


def test_the_default_scale_runs_from_false_to_true_with_unverifiable_off_it(newsroom):
    assert not RatingScale.objects.get(newsroom=newsroom, label="Unverifiable").on_scale
    assert set(RatingScale.objects.filter(newsroom=newsroom, on_scale=True).values_list("label", flat=True)) == {
        "True",
        "Mostly true",
        "Half true",
        "Mostly false",
        "False",
    }
    assert scale_bounds(newsroom) == (2, 6)


def test_it_exports_a_rating_off_the_scale_by_name_only(newsroom, report_world):
    # given a published verdict rated Unverifiable (value 1, off the scale)
    verdict = report_world["published"][0]
    Verdict.objects.filter(pk=verdict.pk).update(
        rating=RatingScale.objects.get(newsroom=newsroom, label="Unverifiable")
    )
    # when
    docs, skipped = _docs(newsroom, {})
    # then it is named, with no number a reader could place below False
    rated = {doc["reviewRating"]["alternateName"]: doc["reviewRating"] for doc in docs}
    assert rated["Unverifiable"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert rated["True"] == {
        "@type": "Rating",
        "ratingValue": 6,
        "bestRating": 6,
        "worstRating": 2,
        "alternateName": "True",
    }
    assert skipped == []
    for doc in docs:
        validate_claimreview(doc)


def test_the_ends_of_the_scale_are_its_active_ratings_on_the_scale(newsroom, report_world):
    # given True retired and a new, active "Pants on fire" at 1 on the scale
    RatingScale.objects.filter(newsroom=newsroom, label="True").update(active=False)
    RatingScale.objects.create(newsroom=newsroom, label="Pants on fire", value=1, on_scale=True)
    # then the ends are 1 and 5 (Mostly true), and the verdict rated with the retired True, now past the best
    # end, is named without a value rather than read as 6 of 5
    assert scale_bounds(newsroom) == (1, 5)
    docs, _ = _docs(newsroom, {})
    rated = {doc["reviewRating"]["alternateName"]: doc["reviewRating"] for doc in docs}
    assert rated["True"] == {"@type": "Rating", "alternateName": "True"}
    assert rated["Mostly false"]["ratingValue"] == 3 and rated["Mostly false"]["worstRating"] == 1
    # with no active rating on the scale at all, every rating is named without a value, none is skipped
    RatingScale.objects.filter(newsroom=newsroom).update(on_scale=False)
    assert scale_bounds(newsroom) is None
    docs, skipped = _docs(newsroom, {})
    assert len(docs) == 2 and skipped == []
    assert all(set(doc["reviewRating"]) == {"@type", "alternateName"} for doc in docs)
