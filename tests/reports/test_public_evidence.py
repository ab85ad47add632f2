"""The public page shows the evidence a verdict was approved with, not the open correction's edits."""

import io
import zipfile

from django.urls import reverse

from factcheck.newsrooms.models import Membership
from factcheck.reports.pack import evidence_pack
from factcheck.reports.selection import report_rows, report_verdicts
from factcheck.verdicts.models import Evidence, RatingScale
from factcheck.verdicts.services import (
    evidence_attach,
    evidence_remove,
    verdict_approve,
    verdict_correct,
    verdict_save_draft,
    verdict_submit,
)
from tests.factories import make_article, make_claim


def _member(user):
    return Membership.objects.select_related("newsroom").get(user=user)


def _publish(verdict, reviewer):
    verdict_approve(member=_member(reviewer), verdict=verdict)
    verdict.refresh_from_db()
    return verdict


def _public_urls(client, verdict):
    html = client.get(reverse("reports:public_verdict", args=[verdict.pk])).content.decode()
    return {url for url in ("https://example.org/first", "https://example.org/second", "https://example.org/third")
            if url in html}  # fmt: skip


def test_it_keeps_the_approved_evidence_public_until_the_correction_is_approved(
    client, newsroom, editor, colleague, checker
):
    # given: a verdict published with two pieces of evidence
    claim = make_claim(make_article(newsroom), start=39, end=133)
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    first = evidence_attach(member=_member(checker), claim=claim, url="https://example.org/first")
    evidence_attach(member=_member(checker), claim=claim, url="https://example.org/second")
    draft = verdict_save_draft(member=_member(checker), claim=claim, rating=rating, conclusion="It is false.")
    published = _publish(verdict_submit(member=_member(checker), verdict=draft), editor)
    assert _public_urls(client, published) == {"https://example.org/first", "https://example.org/second"}
    # when: a correction adds a piece and removes one
    correction = verdict_correct(member=_member(checker), verdict=published, reason="A better source.")
    evidence_attach(member=_member(checker), claim=claim, url="https://example.org/third")
    evidence_remove(member=_member(checker), evidence=first)
    # then: the desk sees the correction's evidence, the public still sees what was approved
    assert set(claim.evidence.values_list("url", flat=True)) == {
        "https://example.org/second",
        "https://example.org/third",
    }
    assert _public_urls(client, published) == {"https://example.org/first", "https://example.org/second"}
    rows = list(report_rows(report_verdicts(newsroom=newsroom, filters={})))
    assert {e.url for e in rows[0].claim.report_evidence} == {"https://example.org/first", "https://example.org/second"}
    pack = zipfile.ZipFile(io.BytesIO(evidence_pack(verdict=published, base_url="http://testserver/")))
    listed = pack.read(f"verdict-{published.pk}/evidence.csv").decode()
    assert "example.org/first" in listed and "example.org/third" not in listed
    assert Evidence.all_objects.get(pk=first.pk).removed_in_version == 2  # kept for the record
    # and once the correction is approved, the public page shows the corrected set
    corrected = _publish(verdict_submit(member=_member(checker), verdict=correction), colleague)
    assert _public_urls(client, corrected) == {"https://example.org/second", "https://example.org/third"}
