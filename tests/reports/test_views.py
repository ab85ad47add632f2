import csv
import io
import json
import re

import pytest

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from factcheck.reports.models import ReportExport
from factcheck.verdicts.models import Verdict
from tests.factories import make_article, make_claim
from tests.reports.conftest import PRIVATE_QUOTE, PUBLIC_QUOTE, published_verdict
from tests.reports.jsonld import validate_claimreview

BUILDER = reverse("reports:builder")


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


# --- builder --------------------------------------------------------------------------------


def test_it_shows_the_builder_to_an_editor(login, editor, report_world):
    response = login(editor).get(BUILDER)
    assert response.status_code == 200
    assert b"Build a verdict report" in response.content
    assert b"Internal: include private evidence" not in response.content  # admins only


def test_the_bom_option_sits_where_the_css_hides_it_for_formats_other_than_csv(login, editor, report_world):
    # The rule in static/css/reports.css: #report-form:has(input[name="format"]:checked:not([value="csv"])) .csv-only
    html = login(editor).get(BUILDER).content.decode()
    form = re.search(r'<form [^>]*id="report-form".*?</form>', html, re.S).group(0)
    formats = re.findall(r'<input type="radio" name="format" value="(\w+)"[^>]*>', form)
    assert formats == ["csv", "pdf", "jsonld"]
    assert re.search(r'<input type="radio" name="format" value="csv"[^>]*checked', form)  # CSV first: the box shows
    option = re.search(r'<div class="field csv-only">(.*?)</div>', form, re.S)
    assert option and 'name="bom"' in option.group(1)
    assert form.count('name="bom"') == 1  # no other copy of the box outside the hidden block
    css = (settings.BASE_DIR / "static" / "css" / "reports.css").read_text()
    assert '#report-form:has(input[name="format"]:checked:not([value="csv"])) .csv-only { display: none; }' in css


def test_it_offers_the_internal_option_to_admins(login, admin_member, report_world):
    response = login(admin_member).get(BUILDER)
    assert b"Internal: include private evidence" in response.content


def test_it_returns_the_summary_fragment_for_htmx(login, editor, report_world, htmx_headers):
    response = login(editor).get(
        BUILDER, {"format": "jsonld", "statuses": ["published", "draft"]}, headers=htmx_headers
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    text = response.content.decode()
    assert "<strong>3</strong> verdicts match" in text
    assert "1 not published" in text


def test_it_forbids_viewers(login, viewer, report_world):
    client = login(viewer)
    assert client.get(BUILDER).status_code == 403
    assert client.post(BUILDER, {"format": "csv"}).status_code == 403


def test_it_forbids_checkers(login, checker, report_world):
    assert login(checker).get(BUILDER).status_code == 403


def test_it_404s_for_a_user_with_no_newsroom(client, django_user_model):
    user = django_user_model.objects.create_user(username="nobody", password="x")
    client.force_login(user)
    assert client.get(BUILDER).status_code == 404


def test_it_rejects_the_wrong_method(login, editor):
    assert login(editor).put(BUILDER).status_code == 405


def test_it_redirects_anonymous_to_login(client):
    response = client.get(BUILDER)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_downloads_a_small_csv_at_once(login, editor, report_world):
    response = login(editor).post(BUILDER, {"format": "csv", "statuses": ["published"], "bom": "on"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert re.match(r'attachment; filename="alpha-verdicts-\d{4}-\d\d-\d\d\.csv"', response["Content-Disposition"])
    text = _body(response)
    assert text.startswith("\ufeffverdict_id,")
    assert len(list(csv.reader(io.StringIO(text)))) == 3
    assert "internal.example" not in text
    assert not ReportExport.objects.exists()


def test_it_downloads_small_jsonld_at_once(login, editor, report_world):
    response = login(editor).post(BUILDER, {"format": "jsonld", "statuses": ["published", "draft"]})
    docs = json.loads(_body(response))
    assert len(docs) == 2
    for doc in docs:
        validate_claimreview(doc)
        assert doc["url"].startswith("http://testserver/fact-checks/")


def test_it_downloads_a_small_pdf_at_once(login, editor, report_world):
    response = login(editor).post(BUILDER, {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_it_filters_by_claim_type_and_checker(login, editor, colleague, report_world):
    client = login(editor)
    text = _body(client.post(BUILDER, {"format": "csv", "claim_type": "comparison"}))
    assert len(list(csv.reader(io.StringIO(text)))) == 2  # header + the comparison statement
    text = _body(client.post(BUILDER, {"format": "csv", "checker": colleague.pk}))
    assert len(list(csv.reader(io.StringIO(text)))) == 1


def test_it_rejects_an_inverted_date_range(login, editor, report_world):
    response = login(editor).post(
        BUILDER, {"format": "csv", "published_from": "2026-10-30", "published_to": "2026-10-01"}
    )
    assert response.status_code == 200
    assert b"The end date is before the start date." in response.content


def test_it_refuses_internal_exports_to_editors(login, editor, report_world):
    # the field does not exist for editors: the flag is ignored, private evidence stays out
    response = login(editor).post(BUILDER, {"format": "csv", "internal": "on"})
    assert "2" not in [row[10] for row in csv.reader(io.StringIO(_body(response)))][1:]


def test_it_lets_admins_export_internal(login, admin_member, report_world):
    response = login(admin_member).post(BUILDER, {"format": "csv", "internal": "on"})
    assert "internal" in response["Content-Disposition"]
    assert "2" in [row[10] for row in csv.reader(io.StringIO(_body(response)))][1:]


def test_it_queues_a_large_report_as_a_job(login, editor, report_world, settings, django_capture_on_commit_callbacks):
    # given an inline limit below the report's size
    settings.REPORTS_INLINE_MAX = {"csv": 1}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = login(editor).post(BUILDER, {"format": "csv", "statuses": ["published", "draft"]})
    assert response.status_code == 302, response.content[:3000]
    export = ReportExport.objects.get()
    assert response.status_code == 302 and response["Location"] == export.get_absolute_url()
    assert export.status == ReportExport.Status.PENDING
    assert export.filters == {"statuses": ["published", "draft"]}
    assert export.base_url == "http://testserver/"
    assert len(callbacks) == 1


# --- export page, fragment and download ------------------------------------------------------


@pytest.fixture
def finished_export(newsroom, editor, report_world, settings, tmp_path):
    from factcheck.reports.services import report_export_run

    settings.MEDIA_ROOT = tmp_path
    export = ReportExport.objects.create(
        newsroom=newsroom, requested_by=editor, format="jsonld", filters={"statuses": ["published", "draft"]},
        base_url="https://desk.example.org/",
    )  # fmt: skip
    return report_export_run(export_id=export.pk)


def test_it_shows_the_export_page_and_fragment(login, editor, finished_export, htmx_headers):
    client = login(editor)
    url = reverse("reports:export", args=[finished_export.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"<html" in page.content
    fragment = client.get(url, headers=htmx_headers)
    text = fragment.content.decode()
    assert "<html" not in text and f'id="reportexport-{finished_export.pk}-status"' in text
    assert "hx-trigger" not in text  # finished: the fragment stops polling
    assert "Ready" in text and reverse("reports:export_download", args=[finished_export.pk]) in text
    assert "1 verdict left out of the ClaimReview file" in text and "not published" in text


def test_it_words_the_export_page_for_a_reader(login, editor, finished_export):
    text = login(editor).get(finished_export.get_absolute_url()).content.decode()
    # the title names the report, the filter reads as the verdicts chosen (not the export's own status) ...
    assert f"ClaimReview report #{finished_export.pk}</h1>" in text and "export #" not in text
    assert "<dt>Verdicts included</dt><dd>Published, Draft</dd>" in text and "<dt>Status</dt>" not in text
    # ... and the button is short, the file's name written under it
    assert ">Download ClaimReview</a>" in text
    assert f'<span class="file-name muted small">{finished_export.download_name}</span>' in text


def test_it_lists_a_finished_export_as_ready_with_its_download(login, editor, finished_export):
    text = login(editor).get(BUILDER).content.decode()
    row = text[text.index(finished_export.get_absolute_url()) :].split("</tr>")[0]
    assert f">ClaimReview #{finished_export.pk}</a>" in row
    assert "Ready · <a href=" in row and reverse("reports:export_download", args=[finished_export.pk]) in row
    assert "<th>Report</th><th>Status</th>" in text


def test_it_polls_while_the_export_is_active(login, editor, newsroom, htmx_headers):
    export = ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="http://testserver/")
    ReportExport.objects.filter(pk=export.pk).update(status="running", progress_done=3, progress_total=10)
    text = login(editor).get(export.get_absolute_url(), headers=htmx_headers).content.decode()
    assert 'hx-trigger="load delay:1s"' in text and 'hx-swap="outerHTML"' in text
    assert '<progress value="3" max="10"' in text and "3 of 10 verdicts" in text


def test_it_downloads_the_export_file(login, editor, finished_export):
    response = login(editor).get(reverse("reports:export_download", args=[finished_export.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    docs = json.loads(b"".join(response.streaming_content))
    assert len(docs) == 2


def test_it_hides_exports_from_outsiders_and_viewers(login, outsider, viewer, finished_export):
    url = reverse("reports:export_download", args=[finished_export.pk])
    assert login(outsider).get(url).status_code == 404
    assert login(viewer).get(url).status_code == 403


def test_it_404s_a_download_before_the_file_exists(login, editor, newsroom):
    export = ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="http://testserver/")
    assert login(editor).get(reverse("reports:export_download", args=[export.pk])).status_code == 404


def test_it_keeps_internal_exports_from_editors(login, editor, newsroom):
    export = ReportExport.objects.create(newsroom=newsroom, format="csv", internal=True, base_url="http://t/")
    assert login(editor).get(export.get_absolute_url()).status_code == 403


# --- public verdict page ---------------------------------------------------------------------


def test_it_shows_a_published_verdict_to_anyone(client, report_world):
    v1 = report_world["published"][0]
    response = client.get(reverse("reports:public_verdict", args=[v1.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mostly false" in text and PUBLIC_QUOTE in text
    assert PRIVATE_QUOTE not in text and "internal.example" not in text
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(scripts) == 1
    doc = json.loads(scripts[0])
    validate_claimreview(doc)
    assert doc["url"] == f"http://testserver/fact-checks/{v1.pk}/"


def test_it_shows_a_statement_without_context_once_on_the_public_page(client, newsroom, editor, colleague):
    # given a published verdict on a statement that is the whole article (no sentence around it)
    body = "The new ferry terminal cost £40m, twice the budget."
    claim = make_claim(make_article(newsroom, body=body), start=0, end=len(body))
    verdict = published_verdict(claim, editor, colleague, "True", timezone.now())
    # when anyone opens its public page
    html = client.get(reverse("reports:public_verdict", args=[verdict.pk])).content.decode()
    # then the statement is the heading only, not also an identical quote below it
    assert '<h1 class="public-claim">The new ferry terminal cost £40m, twice the budget.</h1>' in html
    assert "<blockquote" not in html


def test_it_quotes_the_statement_in_its_context_on_the_public_page(client, report_world):
    html = client.get(reverse("reports:public_verdict", args=[report_world["published"][0].pk])).content.decode()
    assert '<blockquote class="public-context">' in html and '<span class="ctx">' in html


def test_it_404s_unpublished_verdicts_on_the_public_page(client, report_world):
    assert client.get(reverse("reports:public_verdict", args=[report_world["draft"].pk])).status_code == 404
    assert client.get(reverse("reports:public_verdict", args=[999999])).status_code == 404


def test_it_redirects_a_superseded_verdict_to_the_current_one(client, report_world, editor):
    v1 = report_world["published"][0]
    Verdict.objects.filter(pk=v1.pk).update(status=Verdict.Status.SUPERSEDED)
    v1b = Verdict.objects.create(
        newsroom=v1.newsroom, claim=v1.claim, author=editor, rating=v1.rating, status="published", version=2,
        published_at=v1.published_at, correction_reason="The base year was 2018.",
    )  # fmt: skip
    response = client.get(reverse("reports:public_verdict", args=[v1.pk]))
    assert response.status_code == 301 and response["Location"] == reverse("reports:public_verdict", args=[v1b.pk])
    assert b"The base year was 2018." in client.get(response["Location"]).content


def test_it_cannot_be_broken_out_of_by_script_text(client, report_world):
    claim = report_world["claims"][1]
    claim.text = "Costs fell </script><script>alert(1)</script> a lot"
    claim.save(update_fields=["text"])
    text = client.get(reverse("reports:public_verdict", args=[report_world["published"][1].pk])).content.decode()
    assert "<script>alert(1)" not in text
    ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert json.loads(ld[0])["claimReviewed"].startswith("Costs fell </script>")


def test_it_rejects_posts_on_the_public_page(client, report_world):
    assert client.post(reverse("reports:public_verdict", args=[report_world["published"][0].pk])).status_code == 405
