"""A 390 px phone, screen by screen: the reports, members and sources pages fit the screen with their controls
in reach (no table that hides its columns off to the right), the statement's quantities take the card's
width, and the article's run history shows no half-cut column."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims import services as claim_services
from factcheck.demo.content import AIR_ATTACK
from factcheck.newsrooms.models import Membership
from factcheck.reports.models import ReportExport
from factcheck.reports.services import report_export_run
from tests.conftest import _member
from tests.factories import make_article, make_claim, make_source
from tests.reports.conftest import build_report_world

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PAGE_WIDTH = "document.documentElement.scrollWidth"


def _within_screen(locator):
    box = locator.bounding_box()
    assert box is not None, locator
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (locator, box)
    return box


def _open(page, live_server, url):
    page.goto(f"{live_server.url}{url}")
    page.wait_for_load_state("networkidle")


def _open_on_a_phone(page, live_server, as_user, user, url):
    page.set_viewport_size(PHONE)
    as_user(page, user)
    _open(page, live_server, url)


@pytest.fixture
def finished_exports(newsroom, admin_member, colleague, settings, tmp_path):
    """A finished PDF and CSV export: the builder lists them, the PDF's page offers its download."""
    settings.MEDIA_ROOT = tmp_path
    build_report_world(newsroom, admin_member, colleague)
    done = []
    for fmt in ("pdf", "csv"):
        export = ReportExport.objects.create(
            newsroom=newsroom, requested_by=admin_member, format=fmt, internal=True,
            filters={"statuses": ["published"]}, base_url="https://desk.example.org/",
        )  # fmt: skip
        done.append(report_export_run(export_id=export.pk))
    return done


def test_the_reports_builder_and_an_export_page_fit_a_phone(
    page, live_server, admin_member, finished_exports, as_user, console_errors, shot
):
    # given an admin with two finished exports, on a phone
    pdf, csv_export = finished_exports
    assert pdf.is_downloadable and csv_export.is_downloadable
    page.set_viewport_size(PHONE)
    as_user(page, admin_member)

    # when the builder is opened, then it lists the exports, each ready with its download, within the screen
    _open(page, live_server, reverse("reports:builder"))
    expect(page.locator("#report-summary strong")).to_be_visible()
    row = page.locator("#exports tbody tr").filter(has_text=f"PDF #{pdf.pk}")
    expect(row).to_contain_text("Ready")
    shot(page, "phone-layout-reports")
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    _within_screen(row.get_by_role("link", name=f"Download PDF report #{pdf.pk}"))

    # when the PDF's page is opened, then its download button stays inside its card and the screen
    _open(page, live_server, pdf.get_absolute_url())
    button = page.locator(f"#reportexport-{pdf.pk}-status a.button")
    expect(button).to_be_visible()
    shot(page, "phone-layout-export")
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    card = page.locator(f"#reportexport-{pdf.pk}-status").bounding_box()
    box = _within_screen(button)
    assert box["x"] + box["width"] <= card["x"] + card["width"]
    # ... with a short label, the file's name written under it
    expect(button).to_have_text("Download PDF")
    expect(page.locator(".file-name")).to_have_text(pdf.download_name)
    assert console_errors == []


def test_the_members_table_is_a_column_of_cards_on_a_phone(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot
):
    # given a newsroom whose members have long names and addresses
    _member(newsroom, "christopher.okafor-lindqvist", Membership.Role.CHECKER)
    _member(newsroom, "emilia.novak-hargreaves", Membership.Role.EDITOR)

    # when the members page is opened on a phone
    _open_on_a_phone(page, live_server, as_user, admin_member, reverse("newsrooms:members"))
    expect(page.locator("#members tbody tr")).to_have_count(3)
    shot(page, "phone-layout-members")

    # then the page fits, and every member's role, Change and Remove are on the screen
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    for username in ("christopher.okafor-lindqvist", "emilia.novak-hargreaves"):
        row = page.locator("#members tbody tr").filter(has_text=username)
        _within_screen(row.get_by_label("Role of"))
        _within_screen(row.get_by_role("button", name="Change"))
        _within_screen(row.get_by_role("button", name="Remove"))
        _within_screen(row.get_by_text(f"{username}@example.org"))
    # the column names the hidden head gave are written beside the values
    expect(page.locator("#members tbody tr").first.locator("td[data-label=Email]")).to_be_visible()
    assert console_errors == []


def test_the_sources_table_is_a_column_of_cards_on_a_phone(
    page, live_server, newsroom, editor, as_user, console_errors, shot
):
    # given sources with long names and addresses
    make_source(
        newsroom, name="Ukrainian Air Force", url="https://www.mil.gov.ua/news/press-centre/", kind="government"
    )
    make_source(newsroom, name="Office for National Statistics", url="https://www.ons.gov.uk/", kind="government")

    # when the sources page is opened on a phone
    _open_on_a_phone(page, live_server, as_user, editor, reverse("sources:list"))
    expect(page.locator("#source-rows tr")).to_have_count(2)
    shot(page, "phone-layout-sources")

    # then the page fits; each source's credibility is right under its name, and its kind and counts on screen
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    for row in page.locator("#source-rows tr").all():
        name = _within_screen(row.locator("td").first.get_by_role("link"))
        credibility = _within_screen(row.locator(".cred"))
        assert name["y"] + name["height"] <= credibility["y"] < name["y"] + name["height"] + 40
        for label in ("Kind", "Cited", "Articles"):
            _within_screen(row.locator(f"td[data-label={label}]"))
    assert console_errors == []


def test_a_desktop_keeps_the_sources_and_members_tables(
    page, live_server, newsroom, admin_member, as_user, console_errors
):
    # given a desktop window
    make_source(newsroom, name="Ukrainian Air Force", url="https://www.mil.gov.ua/", kind="government")
    page.set_viewport_size(DESKTOP)
    as_user(page, admin_member)
    for url, table in ((reverse("sources:list"), "table.sources"), (reverse("newsrooms:members"), "#members")):
        # when the page is opened, then the column heads show and a row's cells sit side by side
        _open(page, live_server, url)
        expect(page.locator(f"{table} thead th").first).to_be_visible()
        cells = page.locator(f"{table} tbody tr").first.locator("td")
        assert cells.nth(0).bounding_box()["y"] == cells.nth(1).bounding_box()["y"]
    assert console_errors == []


def test_a_lone_quantities_block_takes_the_cards_width(page, live_server, newsroom, editor, as_user, shot):
    # given a statement with quantities and no checks
    article = make_article(newsroom)
    quantity = {"text": "12,400 patients", "kind": "count", "unit": "patients", "qualifier": "exact"}
    claim = make_claim(article, quantities=[quantity, {**quantity, "text": "58% of patients", "kind": "percent"}])
    page.set_viewport_size(DESKTOP)
    as_user(page, editor)

    # when its page is opened on a desktop
    _open(page, live_server, reverse("verdicts:claim", args=[claim.pk]))
    facts = page.locator(".facts")
    expect(facts.get_by_role("heading", name="Quantities")).to_be_visible()
    shot(page, "desktop-layout-quantities")

    # then the Quantities block is as wide as the facts row, not its left half
    block = facts.locator("> div").first.bounding_box()
    assert block["width"] >= facts.bounding_box()["width"] - 1


def test_the_run_history_fits_a_phone_and_keeps_the_extractor_on_a_desktop(
    page, live_server, newsroom, editor, as_user, shot, django_capture_on_commit_callbacks
):
    # given an article the extractor has read
    with django_capture_on_commit_callbacks(execute=True):
        result = claim_services.article_submit(
            newsroom=newsroom, user=editor, title=AIR_ATTACK["title"], body=AIR_ATTACK["body"]
        )
    url = reverse("claims:article", args=[result.article.pk])
    runs = page.locator(f"#article-{result.article.pk}-runs table")
    as_user(page, editor)

    # when the article is opened on a phone, then its run history is not cut at the right
    page.set_viewport_size(PHONE)
    _open(page, live_server, url)
    expect(runs.locator("tbody tr")).to_have_count(1)
    shot(page, "phone-layout-article")
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    assert runs.evaluate("t => t.scrollWidth <= t.clientWidth")
    expect(runs.get_by_role("columnheader", name="Extractor")).to_be_hidden()
    # ... and the version is still there, in the row's title
    result.run.refresh_from_db()
    version = result.run.extractor_version
    assert version
    expect(runs.locator("tbody tr").first).to_have_attribute("title", f"Extractor {version}")

    # when it is opened on a desktop, then the extractor's version is a column
    page.set_viewport_size(DESKTOP)
    _open(page, live_server, url)
    expect(runs.get_by_role("columnheader", name="Extractor")).to_be_visible()
    expect(runs.locator("tbody td.col-version").first).to_have_text(version)
