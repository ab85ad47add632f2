"""A 390 px phone, screen by screen: the reports pages fit the screen with their controls in reach."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.reports.models import ReportExport
from factcheck.reports.services import report_export_run
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
