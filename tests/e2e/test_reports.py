"""Browser: an editor builds reports and downloads them; the public verdict page renders."""

import csv
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from tests.reports.conftest import PRIVATE_QUOTE, build_report_world


@pytest.fixture
def report_world(newsroom, editor, colleague):
    return build_report_world(newsroom, editor, colleague)


def test_it_builds_a_csv_report_and_downloads_it(
    page, live_server, editor, report_world, as_user, console_errors, shot
):
    as_user(page, editor)
    page.click("nav >> text=Reports")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text() == "Build a verdict report"
    # the live summary counts what the filters select
    page.wait_for_selector("#report-summary strong")
    assert "2 verdicts match" in page.locator("#report-summary").inner_text()
    page.check("input[name=statuses][value=draft]")
    expect(page.locator("#report-summary")).to_contain_text("3 verdicts match")
    page.uncheck("input[name=statuses][value=draft]")
    page.check("input[name=bom]")
    expect(page.locator("#report-summary")).to_contain_text("2 verdicts match")
    shot(page, "reports-01-builder")
    with page.expect_download() as info:
        page.click("#report-form button[type=submit]")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2 and {r["rating"] for r in rows} == {"Mostly false", "True"}
    assert console_errors == []


def test_it_prepares_a_large_report_in_the_background(
    page,
    live_server,
    editor,
    report_world,
    as_user,
    console_errors,
    shot,
    settings,
    tmp_path,
):
    # given a tiny inline limit: every JSON-LD report becomes a job (run in-process: no broker in tests)
    settings.REPORTS_INLINE_MAX = {"jsonld": 1}
    settings.MEDIA_ROOT = tmp_path
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('reports:builder')}")
    page.check("input[name=format][value=jsonld]")
    page.check("input[name=statuses][value=draft]")
    expect(page.locator("#report-summary")).to_contain_text("prepared in the background")
    page.click("#report-form button[type=submit]")
    page.wait_for_selector(".export-status.export-succeeded")
    shot(page, "reports-02-export-ready")
    assert "1 verdict left out of the ClaimReview file" in page.locator(".export-status").inner_text()
    with page.expect_download() as info:
        page.click(".export-status a.button")
    docs = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert len(docs) == 2 and all(d["@type"] == "ClaimReview" for d in docs)
    assert console_errors == []


def test_it_shows_the_public_verdict_page_without_login(page, live_server, report_world, console_errors, shot):
    v1 = report_world["published"][0]
    page.goto(f"{live_server.url}{reverse('reports:public_verdict', args=[v1.pk])}")
    assert "Mostly false" in page.locator(".rating-pill").inner_text()
    assert PRIVATE_QUOTE not in page.content()
    ld = page.locator('script[type="application/ld+json"]').text_content()
    assert json.loads(ld)["reviewRating"]["alternateName"] == "Mostly false"
    shot(page, "reports-03-public-verdict")
    assert console_errors == []


@pytest.mark.worker
def test_it_follows_a_background_export_to_its_download(
    page, live_server, worker_processes, newsroom, editor, colleague, as_user, console_errors, shot, settings, tmp_path
):
    # given 3,000 published verdicts, a CSV inline limit of 100 and a real worker on Redis
    from factcheck.bench.benchdata import bulk_verdicts

    bulk_verdicts(newsroom=newsroom, n=3000, author=editor, reviewer=colleague)
    settings.REPORTS_INLINE_MAX = {"csv": 100}
    settings.MEDIA_ROOT = tmp_path
    worker_processes.start(extra_env={"MEDIA_ROOT": str(tmp_path)})
    polls = []
    page.on("request", lambda r: polls.append(r.url) if r.headers.get("hx-request") and "/exports/" in r.url else None)
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('reports:builder')}")
    expect(page.locator("#report-summary")).to_contain_text("prepared in the background")
    # when the editor exports
    page.click("#report-form button[type=submit]")
    page.wait_for_selector(".export-status")
    shot(page, "reports-04-export-in-progress")
    # then the self-replacing fragment polls until the file is ready
    page.wait_for_selector(".export-status.export-succeeded", timeout=90_000)
    assert polls, "the progress fragment never polled"
    assert "3000 verdicts" in page.locator(".export-status").inner_text()
    shot(page, "reports-05-export-done")
    with page.expect_download() as info:
        page.click(".export-status a.button")
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3001
    assert console_errors == []


def test_it_shows_the_bom_option_only_while_csv_is_chosen(page, live_server, editor, report_world, as_user, shot):
    as_user(page, editor)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}{reverse('reports:builder')}")
        bom = page.locator("input[name=bom]")
        # CSV is the default: the box shows
        expect(bom).to_be_visible()
        shot(page, f"reports-bom-csv-{name}")
        # when another format is chosen, it goes; back to CSV, it returns
        page.check("input[name=format][value=pdf]")
        expect(bom).to_be_hidden()
        page.check("input[name=format][value=jsonld]")
        expect(bom).to_be_hidden()
        expect(page.locator("#report-summary")).to_contain_text("ClaimReview JSON-LD")  # the summary caught up
        shot(page, f"reports-bom-jsonld-{name}")
        page.check("input[name=format][value=csv]")
        expect(bom).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
