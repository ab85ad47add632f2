"""A published fact-check credits its sources as they were when it was approved: a registry edit (a CSV import
that renames a source, a new home URL) changes the desk's view and unpublished work, never what was published."""

import csv
import importlib
import io
import json
import zipfile

import pytest

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from factcheck.reports.claimreview import claimreview_for, scale_bounds
from factcheck.reports.csvexport import csv_lines
from factcheck.reports.models import ReportExport
from factcheck.reports.pack import evidence_pack
from factcheck.reports.selection import report_rows, report_verdicts
from factcheck.sources.services import source_save, sources_import_csv
from factcheck.verdicts.models import Evidence, RatingScale, Verdict
from factcheck.verdicts.services import (
    evidence_attach,
    verdict_approve,
    verdict_correct,
    verdict_save_draft,
    verdict_submit,
)
from tests.factories import make_article, make_claim, make_source, make_verdict
from tests.reports.test_pdf import pdf_text
from tests.verdicts.conftest import member as _member

BASE = "https://desk.example.org/"
RENAMES = (
    b"name,url\n"
    b"Statistics Authority,https://stats.example.gov/\n"  # the same home: the import updates the entry
    b"Gazette Media Group,https://gazette.example.com/\n"
)
snapshot_published = importlib.import_module(
    "factcheck.verdicts.migrations.0008_published_source_snapshot"
).snapshot_published


@pytest.fixture
def world(newsroom, checker, editor):
    """A statement of a City Gazette article, checked against the City Statistics Office and published."""
    outlet = make_source(newsroom, name="City Gazette", url="https://gazette.example.com/", kind="news_outlet")
    stats = make_source(newsroom, name="City Statistics Office", url="https://stats.example.gov/")
    article = make_article(newsroom, url="https://gazette.example.com/ferry", outlet=outlet)
    claim = make_claim(article, start=39, end=133)
    evidence_attach(
        member=_member(checker),
        claim=claim,
        source=stats,
        url="https://stats.example.gov/ferry",
        quote="Passenger numbers: 1.2 million.",
        stance="refutes",
        is_primary=True,
    )
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    draft = verdict_save_draft(member=_member(checker), claim=claim, rating=rating, conclusion="It is false.")
    verdict_approve(member=_member(editor), verdict=verdict_submit(member=_member(checker), verdict=draft))
    draft.refresh_from_db()
    return {"verdict": draft, "claim": claim, "stats": stats, "outlet": outlet}


def _rename_in_the_registry(newsroom, world):
    report = sources_import_csv(newsroom=newsroom, data=RENAMES)
    assert (report.updated, report.errors) == (2, [])
    source_save(newsroom=newsroom, source=world["stats"], name="Statistics Authority", url="https://stats.example.org/")


def _csv_rows(newsroom, statuses=None):
    verdicts = report_verdicts(newsroom=newsroom, filters={"statuses": statuses} if statuses else {}, with_body=False)
    return list(csv.DictReader(io.StringIO("".join(csv_lines(report_rows(verdicts), base_url=BASE)))))


def _pdf_text(newsroom, user):
    from factcheck.reports.pdf import pdf_write

    export = ReportExport(newsroom=newsroom, requested_by=user, format="pdf", filters={}, base_url=BASE,
                          created_at=timezone.now())  # fmt: skip
    buffer = io.BytesIO()
    pdf_write(export=export, verdicts=report_rows(report_verdicts(newsroom=newsroom, filters={})), target=buffer)
    return pdf_text(buffer.getvalue())


def test_approval_snapshots_the_sources_the_verdict_credits(world):
    item = Evidence.objects.get(claim=world["claim"])
    assert (item.published_source_name, item.published_source_url) == (
        "City Statistics Office",
        "https://stats.example.gov/",
    )
    assert (world["verdict"].published_outlet_name, world["verdict"].published_outlet_url) == (
        "City Gazette",
        "https://gazette.example.com/",
    )


def test_the_public_page_keeps_the_names_it_was_published_with(client, newsroom, world, login, checker):
    # when the registry renames the evidence's source and the article's outlet
    _rename_in_the_registry(newsroom, world)
    # then the public page still credits them as approved
    html = client.get(reverse("reports:public_verdict", args=[world["verdict"].pk])).content.decode()
    assert "City Statistics Office" in html and "City Gazette" in html
    assert "Statistics Authority" not in html and "Gazette Media Group" not in html
    # and the desk's statement screen (the working view) shows the registry as it is now
    desk = login(checker).get(reverse("verdicts:claim", args=[world["claim"].pk])).content.decode()
    assert "Statistics Authority" in desk and "City Statistics Office" not in desk


def test_the_csv_keeps_the_published_names_and_a_correction_draft_reads_the_registry(newsroom, world, login, checker):
    _rename_in_the_registry(newsroom, world)
    [row] = _csv_rows(newsroom)
    assert row["outlet"] == "City Gazette"
    assert row["primary_sources"] == "City Statistics Office <https://stats.example.gov/ferry>"
    # a correction is unpublished work: it credits the sources as the registry has them now
    correction = verdict_correct(member=_member(checker), verdict=world["verdict"], reason="A new source.")
    [draft_row] = _csv_rows(newsroom, statuses=["draft"])
    assert draft_row["verdict_id"] == str(correction.pk)
    assert (draft_row["outlet"], draft_row["primary_sources"]) == (
        "Gazette Media Group",
        "Statistics Authority <https://stats.example.gov/ferry>",
    )


def test_the_claimreview_keeps_the_publisher_it_was_published_with(newsroom, world):
    _rename_in_the_registry(newsroom, world)
    source_save(newsroom=newsroom, source=world["outlet"], name="Gazette Media Group", url="https://gmg.example.com/")
    verdict = Verdict.objects.select_related("claim__article__outlet").get(pk=world["verdict"].pk)
    doc = claimreview_for(verdict, base_url=BASE, bounds=scale_bounds(newsroom))
    assert doc["itemReviewed"]["appearance"]["publisher"] == {
        "@type": "Organization",
        "name": "City Gazette",
        "url": "https://gazette.example.com/",
    }
    # the JSON-LD embedded in the public page is the same document
    assert "Gazette Media Group" not in json.dumps(doc)


def test_the_pdf_and_the_evidence_pack_keep_the_published_names(newsroom, world, editor):
    _rename_in_the_registry(newsroom, world)
    text = _pdf_text(newsroom, editor)
    assert "City Statistics Office" in text and "City Gazette" in text
    assert "Statistics Authority" not in text and "Gazette Media Group" not in text
    pack = zipfile.ZipFile(io.BytesIO(evidence_pack(verdict=world["verdict"], base_url=BASE)))
    name = f"verdict-{world['verdict'].pk}"
    assert "City Statistics Office,https://stats.example.gov/," in pack.read(f"{name}/evidence.csv").decode()
    assert json.loads(pack.read(f"{name}/statement.json"))["article"]["outlet"] == "City Gazette"


def test_a_correction_approved_later_credits_the_registry_as_it_was_then(newsroom, world, checker, colleague):
    # given a rename after the first publication, then a correction approved by another editor
    _rename_in_the_registry(newsroom, world)
    correction = verdict_correct(member=_member(checker), verdict=world["verdict"], reason="Wording.")
    verdict_approve(member=_member(colleague), verdict=verdict_submit(member=_member(checker), verdict=correction))
    # then the corrected publication credits the names its reviewer saw
    [row] = _csv_rows(newsroom)
    assert (row["verdict_id"], row["outlet"]) == (str(correction.pk), "Gazette Media Group")
    assert row["primary_sources"].startswith("Statistics Authority <")


def test_the_migration_snapshots_work_published_before_it_and_nothing_else(newsroom, editor, client):
    # given a verdict published before snapshots existed, and a draft, both citing the same source
    stats = make_source(newsroom, name="City Statistics Office", url="https://stats.example.gov/")
    published_claim = make_claim(make_article(newsroom))
    draft_claim = make_claim(make_article(newsroom, body="Another text about 40 jobs.", title="Jobs"))
    published = make_verdict(published_claim, editor, status=Verdict.Status.PUBLISHED, published_at=timezone.now())
    make_verdict(draft_claim, editor)
    for claim in (published_claim, draft_claim):
        Evidence.objects.create(newsroom=newsroom, claim=claim, source=stats, url="https://stats.example.gov/x")
    # when the migration runs (twice: it converges), then the registry renames the source
    snapshot_published(apps, None)
    snapshot_published(apps, None)
    source_save(newsroom=newsroom, source=stats, name="Statistics Authority", url="https://stats.example.gov/")
    # then the published row keeps the name, the draft's row has no snapshot
    assert Evidence.objects.get(claim=published_claim).published_source_name == "City Statistics Office"
    assert Evidence.objects.get(claim=draft_claim).published_source_name is None
    published.refresh_from_db()
    assert published.published_outlet_name == ""  # the article had no outlet
    html = client.get(reverse("reports:public_verdict", args=[published.pk])).content.decode()
    assert "City Statistics Office" in html and "Statistics Authority" not in html
